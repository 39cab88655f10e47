package dev.integrationbroker.it.harness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import dasniko.testcontainers.keycloak.KeycloakContainer;

/**
 * Runs the official Keycloak image through testcontainers-keycloak, for machines with a Docker engine
 * ({@code -Dit.backend=container}). Where no engine answers, the whole run is skipped with a message.
 */
final class ContainerBackend {

    private ContainerBackend() {
    }

    static RunningServer start(HarnessConfig config, List<String> extraOptions) {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            // surefire does not count a class aborted before its tests as skipped, so say it where it is seen
            String message = "SKIPPED: it.backend=container needs a Docker engine and none answers here; "
                    + "run with the default -Dit.backend=distribution";
            System.err.println("[integration-broker it] " + message);
            Assumptions.abort(message);
        }

        Path log = config.logDir().resolve("keycloak-server.log");
        BufferedWriter writer;
        try {
            writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
        KeycloakContainer container = startContainer(config, extraOptions, writer, log);
        URI base = URI.create(container.getAuthServerUrl().replaceAll("/$", ""));
        return new RunningServer() {
            @Override
            public URI baseUri() {
                return base;
            }

            @Override
            public Path logFile() {
                return log;
            }

            @Override
            public void close() {
                container.stop();
                try {
                    writer.close();
                } catch (IOException e) {
                    // nothing left to flush
                }
            }
        };
    }

    /** Starts the image, again when its build hit Keycloak's known race (see {@link DistributionBackend#KNOWN_BUILD_RACE}). */
    private static KeycloakContainer startContainer(HarnessConfig config, List<String> extraOptions, BufferedWriter writer,
            Path log) {
        for (int attempt = 1; ; attempt++) {
            @SuppressWarnings("resource")
            KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:" + config.keycloakVersion())
                    .withAdminUsername(config.adminUser())
                    .withAdminPassword(config.adminPassword())
                    .withProviderLibsFrom(config.providerJars().stream().map(Path::toFile).toList())
                    .withRealmImportFile("demo/demo-realm.json")
                    .withLogConsumer(frame -> {
                        synchronized (writer) {
                            try {
                                writer.write(frame.getUtf8String());
                                writer.flush();
                            } catch (IOException e) {
                                // the log is best effort; the container keeps running
                            }
                        }
                    });
            if (!extraOptions.isEmpty()) {
                container.withCustomCommand(String.join(" ", extraOptions));
            }
            try {
                container.start();
                return container;
            } catch (RuntimeException e) {
                container.stop();
                if (attempt == 3 || !ServerLog.read(log).contains(DistributionBackend.KNOWN_BUILD_RACE)) {
                    throw e;
                }
                System.err.println("Keycloak's build hit its known build race; starting the container again");
            }
        }
    }
}
