package dev.integrationbroker.it.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution backend starts again only when Keycloak's build failed with its known race, never on
 * any other failure. A stand-in {@code kc.sh} plays the server: it counts its runs, fails as told and, when
 * told to succeed, serves {@code /health/ready} on the management port the harness passes it.
 */
class DistributionBackendTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("given a build that hits the known race once when starting then it is started again and runs")
    void retriesTheKnownBuildRace() throws Exception {
        HarnessConfig config = fakeDistribution("race-once");

        RunningServer server = DistributionBackend.start(config, config.keycloakHome(), dir.resolve("server.log"),
                List.of("start-dev"), true, Map.of());
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.baseUri() + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).isEqualTo("ready");
        } finally {
            server.close();
        }
        assertThat(runs()).isEqualTo(2);
        assertThat(ServerLog.read(dir.resolve("server.log"))).contains(DistributionBackend.KNOWN_BUILD_RACE);
    }

    @Test
    @DisplayName("given a build that always hits the known race when starting then it gives up after three runs")
    void givesUpAfterThreeRaces() throws IOException {
        HarnessConfig config = fakeDistribution("race-always");

        assertThatThrownBy(() -> DistributionBackend.start(config, config.keycloakHome(), dir.resolve("server.log"),
                List.of("start-dev"), true, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed 3 times with its known build race");
        assertThat(runs()).isEqualTo(3);
    }

    @Test
    @DisplayName("given any other start failure when starting then it is reported at once, not retried")
    void otherFailuresAreNotRetried() throws IOException {
        HarnessConfig config = fakeDistribution("other-error");

        assertThatThrownBy(() -> DistributionBackend.start(config, config.keycloakHome(), dir.resolve("server.log"),
                List.of("start-dev"), true, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Keycloak exited with code 1 before it was ready")
                .hasMessageContaining("ERROR: port already in use");
        assertThat(runs()).isEqualTo(1);
    }

    private int runs() throws IOException {
        Path counter = dir.resolve("runs");
        return Files.exists(counter) ? Files.readAllLines(counter).size() : 0;
    }

    private HarnessConfig fakeDistribution(String mode) throws IOException {
        Path home = Files.createDirectories(dir.resolve("keycloak"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path providers = Files.createDirectories(dir.resolve("providers"));
        Files.writeString(providers.resolve("provider.jar"), "not a real jar");
        Path realm = Files.writeString(dir.resolve("demo-realm.json"), "{}");
        Files.writeString(bin.resolve("Ready.java"), """
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                public class Ready {
                    public static void main(String[] args) throws Exception {
                        for (String port : args) {
                            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 0);
                            server.createContext("/", exchange -> {
                                byte[] body = "ready".getBytes();
                                exchange.sendResponseHeaders(200, body.length);
                                exchange.getResponseBody().write(body);
                                exchange.close();
                            });
                            server.start();
                        }
                    }
                }
                """);
        Path kcSh = bin.resolve("kc.sh");
        Files.writeString(kcSh, """
                #!/usr/bin/env bash
                dir="$(cd "$(dirname "$0")" && pwd)"
                echo run >> "%s"
                runs=$(wc -l < "%s")
                mode="%s"
                if [ "$mode" = other-error ]; then echo "ERROR: port already in use"; exit 1; fi
                if [ "$mode" = race-always ] || [ "$runs" = 1 ]; then
                  echo "ERROR: Failed to run 'start-dev' command."
                  echo "	[error]: Build step io.quarkus.hibernate.orm.deployment.%s"
                  exit 1
                fi
                for arg in "$@"; do
                  case "$arg" in
                    --http-port=*) http="${arg#--http-port=}" ;;
                    --http-management-port=*) management="${arg#--http-management-port=}" ;;
                  esac
                done
                exec "$JAVA_HOME/bin/java" "$dir/Ready.java" "$http" "$management"
                """.formatted(dir.resolve("runs"), dir.resolve("runs"), mode, DistributionBackend.KNOWN_BUILD_RACE));
        Files.setPosixFilePermissions(kcSh, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new HarnessConfig(HarnessConfig.Backend.DISTRIBUTION, "test", home, providers, realm, dir, "admin", "admin");
    }
}
