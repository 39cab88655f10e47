package dev.integrationbroker.it.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;

@KeycloakIT
@DisplayName("server info")
class ServerInfoIT {

    /** SPI id and provider id of every provider the project ships (SPEC §6). */
    static final List<String[]> PROJECT_PROVIDERS = List.of(
            new String[] {"admin-realm-restapi-extension", "integrations"},
            new String[] {"client-policy-executor", "integration-gate"},
            new String[] {"client-registration", "integration"},
            new String[] {"eventsListener", "integration-audit"},
            new String[] {"integration-audit-backlog", "default"},
            new String[] {"integration-audit-trail", "default"},
            new String[] {"integration-lifecycle", "default"},
            new String[] {"oauth2-token-exchange", "integration-broker"});

    @Test
    @DisplayName("given the built jars in providers/ then every project provider id is listed in /admin/serverinfo")
    void everyProviderIsListed(KeycloakServer server) {
        JsonNode providers = server.admin().getOk("/admin/serverinfo").get("providers");

        List<String> missing = new ArrayList<>();
        for (String[] spiAndId : PROJECT_PROVIDERS) {
            if (providers.path(spiAndId[0]).path("providers").path(spiAndId[1]).isMissingNode()) {
                missing.add(spiAndId[0] + "/" + spiAndId[1]);
            }
        }
        assertThat(missing).as("provider ids missing from server info").isEmpty();
    }

    @Test
    @DisplayName("given the themes jar then the integration-broker admin theme is listed")
    void adminThemeIsListed(KeycloakServer server) {
        JsonNode adminThemes = server.admin().getOk("/admin/serverinfo").path("themes").path("admin");

        List<String> names = new ArrayList<>();
        adminThemes.forEach(theme -> names.add(theme.path("name").asText()));
        assertThat(names).contains("integration-broker");
    }

    @Test
    @DisplayName("given the lifecycle provider then its options and effective values are in server info")
    void lifecycleOptionsAreReported(KeycloakServer server) {
        JsonNode lifecycle = server.admin().getOk("/admin/serverinfo").path("providers").path("integration-lifecycle")
                .path("providers").path("default").path("operationalInfo");

        assertThat(lifecycle.path("sweep-interval").asText()).isEqualTo("86400");
        assertThat(lifecycle.path("last-used-flush-interval").asText()).as("set by the suite's server options").isEqualTo("2");
    }
}
