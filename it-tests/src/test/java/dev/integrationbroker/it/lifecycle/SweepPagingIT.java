package dev.integrationbroker.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.RealmSkeleton;

/**
 * The sweep reads clients a page (500) at a time. Deleting retired integrations shrinks the pages still to
 * come; the sweep must not skip the clients that move up into the part it has already read.
 */
@KeycloakIT
@DisplayName("lifecycle sweep across pages")
class SweepPagingIT {

    /** More than one sweep page (500), so the deletions of the first page shift the second. */
    private static final int RETIRED = 520;
    private static final String REALM = "sweep-pages";

    private KeycloakServer server;

    @BeforeEach
    void createRealm(KeycloakServer server) {
        this.server = server;
        JsonResponse created = server.admin().post("/admin/realms", RealmSkeleton.of(REALM, "pages.test"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @AfterEach
    void deleteRealm() {
        server.admin().delete("/admin/realms/" + REALM);
    }

    @Test
    @DisplayName("given more retired integrations than a sweep page and delete-retired when one sweep runs then it deletes every one")
    void deletionsDoNotSkipClients() {
        importRetired(RETIRED);
        JsonResponse policy = server.admin().put("/admin/realms/" + REALM + "/integrations/policy",
                "{\"mode\":\"enforce\",\"delete-retired\":true,\"dormant-after-days\":0}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);

        JsonResponse sweep = server.admin().post("/admin/realms/" + REALM + "/integrations/sweep", "{}");

        assertThat(sweep.status()).as(sweep.toString()).isEqualTo(200);
        List<String> deleted = new ArrayList<>();
        for (JsonNode t : sweep.json().path("transitions")) {
            assertThat(t.path("from").asText() + " -> " + t.path("to").asText()).isEqualTo("retired -> deleted");
            deleted.add(t.path("clientId").asText());
        }
        assertThat(deleted).hasSize(RETIRED).doesNotHaveDuplicates();
        JsonResponse inventory = server.admin().get("/admin/realms/" + REALM + "/integrations?max=1");
        assertThat(inventory.header("X-Total-Count")).isEqualTo("0");
        assertThat(server.admin().getOk("/admin/realms/" + REALM + "/clients?clientId=pages-00519&search=false")).isEmpty();
    }

    private void importRetired(int count) {
        String longAgo = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int first = 0; first < count; first += 100) {
            ObjectNode partial = RealmSkeleton.integrations("pages", first, Math.min(count, first + 100), false, Map.of(
                    "integration.registered-at", longAgo, "integration.status", "retired",
                    "integration.suspended-reason", "manual", "integration.suspended-at", longAgo));
            JsonResponse response = server.admin().post("/admin/realms/" + REALM + "/partialImport", partial);
            assertThat(response.status()).as("partial import of %d..: %s", first, response).isEqualTo(200);
        }
    }
}
