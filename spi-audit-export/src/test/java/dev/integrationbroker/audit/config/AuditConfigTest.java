package dev.integrationbroker.audit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditConfigTest {

    private static final String SECRET = "s3cret-value-0123456789";
    private static final Path HOME = Path.of("/opt/keycloak");

    private static AuditConfig parse(Map<String, String> options) {
        return AuditConfig.parse(options::get, directory -> HOME.resolve(directory));
    }

    private static Map<String, String> webhook(String url) {
        Map<String, String> options = new HashMap<>();
        options.put("sink", "webhook");
        options.put("webhook-url", url);
        options.put("webhook-secret", SECRET);
        return options;
    }

    @Nested
    class Defaults {

        @Test
        @DisplayName("given no options then file sink under data/integration-audit, json, backlog 100000, fail-open")
        void defaults() {
            AuditConfig config = parse(Map.of());

            assertThat(config).isEqualTo(new AuditConfig(SinkKind.FILE, Path.of("/opt/keycloak/data/integration-audit"), FormatKind.JSON,
                    null, null, 100_000, false));
        }

        @Test
        @DisplayName("given every option then each is read")
        void all() {
            Map<String, String> options = webhook("https://siem.example.com/ingest");
            options.put("format", "OCSF");
            options.put("max-backlog", "500");
            options.put("fail-closed", "true");
            options.put("directory", "/srv/audit");

            AuditConfig config = AuditConfig.parse(options::get, Path::of);

            assertThat(config).isEqualTo(new AuditConfig(SinkKind.WEBHOOK, Path.of("/srv/audit"), FormatKind.OCSF,
                    URI.create("https://siem.example.com/ingest"), SECRET, 500, true));
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource({"sink,kafka,'kafka' must be file or webhook", "format,xml,'xml' must be json or ocsf",
                "max-backlog,lots,'lots' is not a whole number", "max-backlog,0,0 must be from 1 to",
                "fail-closed,yes,'yes' must be true or false"})
        @DisplayName("given a bad value then the message names the option and the value")
        void badValue(String key, String value, String message) {
            assertThatThrownBy(() -> parse(Map.of(key, value))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("spi-events-listener--integration-audit--" + key + ": ").hasMessageContaining(message);
        }

        @Test
        @DisplayName("given the webhook sink without URL or secret then each is named as required")
        void webhookRequired() {
            assertThatThrownBy(() -> parse(Map.of("sink", "webhook", "webhook-secret", SECRET)))
                    .hasMessage("spi-events-listener--integration-audit--webhook-url: required when sink=webhook");
            assertThatThrownBy(() -> parse(Map.of("sink", "webhook", "webhook-url", "https://siem.example.com")))
                    .hasMessage("spi-events-listener--integration-audit--webhook-secret: required when sink=webhook");
        }

        @Test
        @DisplayName("given a short secret then it is refused without echoing it")
        void shortSecret() {
            Map<String, String> options = webhook("https://siem.example.com");
            options.put("webhook-secret", "tiny-secret");

            assertThatThrownBy(() -> parse(options)).hasMessageContaining("webhook-secret: must be at least 16 characters")
                    .message().doesNotContain("tiny-secret");
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://siem.example.com/ingest", "ftp://siem.example.com", "siem.example.com/ingest",
                "https://siem.example.com/#frag", "http://127.0.0.1.example.com/x"})
        @DisplayName("given a webhook URL that is not https (or http to loopback) then it is refused naming the option")
        void badUrl(String url) {
            assertThatThrownBy(() -> parse(webhook(url))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("spi-events-listener--integration-audit--webhook-url: ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://localhost:8080/audit", "http://127.0.0.1:9/audit", "http://[::1]:8080/audit"})
        @DisplayName("given plain http to a loopback address then it is accepted, for local receivers")
        void loopback(String url) {
            assertThat(parse(webhook(url)).webhookUrl()).isEqualTo(URI.create(url));
        }
    }

    @Nested
    class Secrecy {

        @Test
        @DisplayName("given a secret then server info and toString say set, never the value, and the URL loses its credentials")
        void neverPrinted() {
            AuditConfig config = parse(webhook("https://user:pw@siem.example.com:8443/ingest?token=abc"));

            assertThat(config.describe()).containsEntry("webhook-secret", "set")
                    .containsEntry("webhook-url", "https://siem.example.com:8443/ingest");
            assertThat(config.toString()).doesNotContain(SECRET).doesNotContain("pw").doesNotContain("token=abc");
            assertThat(parse(Map.of()).describe()).containsEntry("webhook-secret", "unset");
        }
    }

    @Test
    @DisplayName("given a refused webhook URL with credentials then the message does not echo them")
    void refusedUrlRedacted() {
        assertThatThrownBy(() -> parse(webhook("http://user:pw@siem.example.com/ingest?token=abc")))
                .hasMessageContaining("http://***@siem.example.com/ingest?...").message().doesNotContain("pw").doesNotContain("abc");
    }

    @Nested
    class Home {

        @Test
        @DisplayName("given kc.home.dir then a relative directory is resolved under it, an absolute one kept")
        void home() {
            assertThat(ServerHome.resolve("data/integration-audit", "/opt/kc", null, "/tmp"))
                    .isEqualTo(Path.of("/opt/kc/data/integration-audit"));
            assertThat(ServerHome.resolve("/srv/audit", "/opt/kc", null, "/tmp")).isEqualTo(Path.of("/srv/audit"));
        }

        @Test
        @DisplayName("given only jboss.server.data.dir then data/... is resolved under the data directory")
        void dataDir() {
            assertThat(ServerHome.resolve("data/integration-audit", null, "/var/lib/kc-data", "/tmp"))
                    .isEqualTo(Path.of("/var/lib/kc-data/integration-audit"));
            assertThat(ServerHome.resolve("audit", null, "/var/lib/kc-data", "/tmp")).isEqualTo(Path.of("/tmp/audit"));
        }
    }
}
