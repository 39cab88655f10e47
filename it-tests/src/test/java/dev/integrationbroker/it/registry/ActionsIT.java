package dev.integrationbroker.it.registry;

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

import dev.integrationbroker.it.harness.ErrorAnswers;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

@KeycloakIT
@DisplayName("integration actions")
class ActionsIT {

    private KeycloakServer server;
    private TestRealm realm;

    /** A realm per test: actions change state that later tests must not see. */
    @BeforeEach
    void createRealm(KeycloakServer server) {
        this.server = server;
        this.realm = TestRealm.create(server, "registry");
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    private JsonResponse action(String clientId, String action, String body) {
        return server.admin().post(realm.adminPath("/integrations/" + clientId + "/" + action), body == null ? "{}" : body);
    }

    /** A brokered token for orders-api, so orders-api may introspect it (Keycloak checks the audience). */
    private String token(String clientId, String secret) {
        String token = realm.brokeredToken(clientId, secret, "orders-api", "orders.read");
        assertThat(active(token)).as("a fresh brokered token is active").isTrue();
        return token;
    }

    private boolean active(String token) {
        return realm.oauth().introspect(token, "orders-api", "orders-api-secret").json().path("active").asBoolean();
    }

    private List<JsonNode> adminEvents() {
        List<JsonNode> events = new ArrayList<>();
        server.admin().getOk(realm.adminPath("/admin-events?max=100")).forEach(events::add);
        return events;
    }

    @Test
    @DisplayName("given attest with an interval then the review is recorded and the next review moves")
    void attest() {
        JsonResponse response = action("crm", "attest", "{\"note\":\"quarterly review\",\"reviewIntervalDays\":30}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Instant attested = Instant.parse(response.json().path("lastAttestedAt").asText());
        assertThat(attested).isAfter(Instant.now().minusSeconds(60));
        assertThat(Instant.parse(response.json().path("nextReview").asText())).isEqualTo(attested.plus(30, ChronoUnit.DAYS));
        assertThat(realm.client("crm").path("attributes").path("integration.last-attested-by").asText()).isEqualTo("admin");
        assertThat(adminEvents()).anySatisfy(event -> assertThat(event.path("representation").asText()).contains("\"action\":\"attest\""));
    }

    @Test
    @DisplayName("given suspend then the client is disabled, its tokens are inactive and the status says manual")
    void suspend() {
        String token = token("crm", "crm-secret");

        JsonResponse response = action("crm", "suspend", "{\"reason\":\"manual\",\"note\":\"vendor offboarding\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("suspended");
        assertThat(response.json().path("suspendedReason").asText()).isEqualTo("manual");
        assertThat(realm.client("crm").path("enabled").asBoolean()).isFalse();
        assertThat(active(token)).isFalse();
        JsonResponse refused = realm.oauth().clientCredentials("crm", "crm-secret", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    @DisplayName("given a reactivated integration then new tokens work and tokens from before the suspension stay inactive")
    void reactivate() throws InterruptedException {
        String before = token("crm", "crm-secret");
        assertThat(action("crm", "suspend", null).status()).isEqualTo(200);

        JsonResponse response = action("crm", "reactivate", "{\"note\":\"cleared\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("active");
        Thread.sleep(1100); // not-before has one-second resolution
        token("crm", "crm-secret");
        assertThat(active(before)).isFalse();
    }

    @Test
    @DisplayName("given the kill switch for a vendor then all its integrations are suspended in one call")
    void killSwitch() {
        JsonResponse response = server.admin().post(realm.adminPath("/integrations/suspend"), "{\"vendor\":\"acme-crm\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> suspended = new ArrayList<>();
        response.json().path("suspended").forEach(item -> suspended.add(item.path("clientId").asText()));
        assertThat(suspended).containsExactlyInAnyOrder("crm", "crm-reports");
        response.json().path("suspended").forEach(item -> assertThat(item.path("suspendedReason").asText()).isEqualTo("kill-switch"));
        assertThat(realm.client("ci-deployer").path("enabled").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("given revoke-tokens then earlier tokens are inactive and the integration keeps working")
    void revokeTokens() throws InterruptedException {
        String token = token("crm", "crm-secret");

        JsonResponse response = action("crm", "revoke-tokens", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(active(token)).isFalse();
        Thread.sleep(1100);
        token("crm", "crm-secret");
    }

    @Test
    @DisplayName("given conflicting states then 409 with the reason")
    void conflicts() {
        assertConflict(action("crm", "reactivate", null), "integration is not suspended (status active)");
        assertThat(action("crm", "suspend", null).status()).isEqualTo(200);
        assertConflict(action("crm", "suspend", null), "integration is already suspended (manual)");
        assertConflict(action("crm", "attest", null), "integration is suspended for manual: use reactivate");
    }

    @Test
    @DisplayName("given a disabled owner then attest is refused with 409")
    void attestWithDisabledOwner() {
        server.admin().put(realm.adminPath("/users/" + realm.userId("bob")), Map.of("enabled", false));

        assertConflict(action("crm", "attest", null), "an owner is missing or disabled: assign enabled owners first");
    }

    @Test
    @DisplayName("given bad action bodies then 400 names the field")
    void badBodies() {
        assertBadRequest(action("crm", "attest", "{\"reviewIntervalDays\":999}"), "reviewIntervalDays: must be a whole number from 1 to 365");
        assertBadRequest(action("crm", "attest", "{\"reviewIntervalDays\":\"ten\"}"), "reviewIntervalDays: must be a whole number of days");
        assertBadRequest(action("crm", "attest", "not json"), "body: is not valid JSON");
        assertBadRequest(action("crm", "suspend", "{\"reason\":\"kill-switch\"}"),
                "reason: must be manual (the other reasons are set by the system or the kill switch)");
        assertBadRequest(server.admin().post(realm.adminPath("/integrations/suspend"), "{\"vendor\":\"Acme CRM\"}"),
                "vendor: required, must match [a-z0-9-]{1,64}");
    }

    private static void assertConflict(JsonResponse response, String description) {
        ErrorAnswers.assertError(response, 409, "conflict", description);
    }

    private static void assertBadRequest(JsonResponse response, String description) {
        ErrorAnswers.assertError(response, 400, "invalid_request", description);
    }
}
