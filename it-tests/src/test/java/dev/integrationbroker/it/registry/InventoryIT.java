package dev.integrationbroker.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrationbroker.it.harness.ErrorAnswers;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("inventory")
class InventoryIT {

    private KeycloakServer server;
    private TestRealm realm;

    @BeforeAll
    void createRealm(KeycloakServer server) {
        this.server = server;
        this.realm = TestRealm.create(server, "registry");
    }

    @AfterAll
    void deleteRealm() {
        realm.close();
    }

    private JsonResponse list(String query) {
        return server.admin().get(realm.adminPath("/integrations" + query));
    }

    private static List<String> clientIds(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.path("clientId").asText()));
        return ids;
    }

    @Test
    @DisplayName("given the registry realm then every integration is listed with the SPEC fields and the total header")
    void listsIntegrations() {
        JsonResponse response = list("");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isEqualTo("3");
        assertThat(clientIds(response.json())).containsExactlyInAnyOrder("crm", "crm-reports", "ci-deployer");
        JsonNode crm = response.json().get(clientIds(response.json()).indexOf("crm"));
        assertThat(crm.path("businessOwner").asText()).isEqualTo("alice");
        assertThat(crm.path("technicalOwner").asText()).isEqualTo("bob");
        assertThat(crm.path("status").asText()).isEqualTo("active");
        assertThat(crm.path("allowedAudiences").isArray()).isTrue();
        assertThat(crm.path("allowedScopes").get(0).asText()).isEqualTo("orders.read");
        assertThat(crm.path("maxTokenTtl").isNumber()).isTrue();
        assertThat(crm.path("maxTokenTtl").asInt()).isEqualTo(300);
        assertThat(crm.path("clientAuthenticator").asText()).isEqualTo("client-secret");
        assertThat(crm.path("nextReview").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(crm.has("secretAgeDays")).isTrue();
        assertThat(crm.has("lastUsedAt")).isTrue();
    }

    @Test
    @DisplayName("given first and max then one page is returned and the total stays the full count")
    void pagination() {
        JsonResponse response = list("?first=1&max=1");

        assertThat(response.json()).hasSize(1);
        assertThat(response.header("X-Total-Count")).isEqualTo("3");
    }

    @Test
    @DisplayName("given filters by vendor, owner, q and status then only matches are listed")
    void filters() {
        assertThat(clientIds(list("?vendor=ci-vendor").json())).containsExactly("ci-deployer");
        assertThat(clientIds(list("?owner=bob").json())).containsExactlyInAnyOrder("crm", "crm-reports", "ci-deployer");
        assertThat(clientIds(list("?q=REPORTS").json())).containsExactly("crm-reports");
        assertThat(clientIds(list("?q=deploys").json())).containsExactly("ci-deployer");
        assertThat(list("?status=suspended").json()).isEmpty();
        assertThat(list("?review-before=2000-01-01T00:00:00Z").json()).isEmpty();
        assertThat(list("?unused-since=2000-01-01T00:00:00Z").json()).hasSize(3);
    }

    @Test
    @DisplayName("given bad query parameters then 400 names the parameter")
    void badParameters() {
        assertBadRequest(list("?max=1001"), "max: must be from 1 to 1000");
        assertBadRequest(list("?first=-1"), "first: must be 0 or more");
        assertBadRequest(list("?status=sleeping"), "status: must be one of active, review-due, grace, suspended, retired");
        assertBadRequest(list("?review-before=yesterday"), "review-before: must be an RFC 3339 instant such as 2027-01-31T00:00:00Z");
        assertBadRequest(list("?format=xml"), "format: must be json or csv");
    }

    @Test
    @DisplayName("given format=csv then every match is streamed with a header and formula cells neutralised")
    void csv() {
        JsonResponse response = list("?format=csv");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        String[] lines = response.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("clientId,businessOwner,technicalOwner,purpose,vendor,status,suspendedReason,nextReview,lastUsedAt,"
                + "lastAttestedAt,registeredAt,expiresAt,allowedAudiences,allowedScopes,maxTokenTtl,clientAuthenticator,secretAgeDays");
        assertThat(lines).hasSize(4);
        assertThat(response.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\") nightly CRM reports\"");
    }

    @Test
    @DisplayName("given Accept text/csv then CSV is returned")
    void csvByAccept() {
        JsonResponse response = server.admin().get(realm.adminPath("/integrations"), Map.of("Accept", "text/csv"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("clientId,");
    }

    @Test
    @DisplayName("given a service account without metadata then it is listed as unregistered")
    void unregistered() {
        JsonResponse response = server.admin().get(realm.adminPath("/integrations/unregistered"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(clientIds(response.json())).containsExactly("legacy-svc");
        JsonNode legacy = response.json().get(0);
        assertThat(legacy.path("clientAuthenticator").asText()).isEqualTo("client-secret");
        assertThat(legacy.has("secretAgeDays")).isTrue();
        assertThat(legacy.has("lastUsedAt")).isTrue();
    }

    @Test
    @DisplayName("given one integration's clientId then its inventory object is returned")
    void single() {
        JsonResponse response = server.admin().get(realm.adminPath("/integrations/crm-reports"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("maxTokenTtl").asInt()).isEqualTo(120);
    }

    @Test
    @DisplayName("given an unknown clientId then 404")
    void unknown() {
        JsonResponse response = server.admin().get(realm.adminPath("/integrations/no-such-client"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error_description").asText()).isEqualTo("no integration with clientId 'no-such-client' in this realm");
    }

    private static void assertBadRequest(JsonResponse response, String description) {
        ErrorAnswers.assertError(response, 400, "invalid_request", description);
    }
}
