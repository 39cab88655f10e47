package dev.integrationbroker.it.broker;

import static dev.integrationbroker.it.broker.BrokerFixture.INTEGRATION;
import static dev.integrationbroker.it.broker.ErrorAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("events, privileged audiences at issuance, last use")
class GovernanceSignalsIT {

    private BrokerFixture fixture;

    @BeforeAll
    void createRealm(KeycloakServer server) {
        fixture = new BrokerFixture(server);
    }

    @AfterAll
    void deleteRealm() {
        fixture.close();
    }

    @Test
    @DisplayName("given a refused exchange then a TOKEN_EXCHANGE_ERROR event carries the reason and no token")
    void refusalIsAnErrorEvent() {
        String subject = fixture.ownToken();
        JsonResponse refused = fixture.exchange(fixture.exchangeForm(subject).add("audience", "inventory-api").add("scope", "orders.read"));
        assertThat(refused.status()).isEqualTo(400);

        JsonNode events = fixture.server.admin().getOk(fixture.realm.adminPath("/events?type=TOKEN_EXCHANGE_ERROR&client=" + INTEGRATION));

        assertThat(events).isNotEmpty();
        JsonNode event = events.get(0);
        assertThat(event.path("error").asText()).isEqualTo("invalid_target");
        assertThat(event.path("details").path("reason").asText()).isEqualTo("audience refused: inventory-api");
        assertThat(events.toString()).doesNotContain(subject).doesNotContain(BrokerFixture.SECRET);
    }

    @Test
    @DisplayName("given a successful exchange then the TOKEN_EXCHANGE event has audience, scope, lifetime and only hashes of jtis")
    void successEvent() {
        JsonResponse issued = fixture.exchange(fixture.validExchange());
        assertThat(issued.status()).isEqualTo(200);

        JsonNode event = fixture.server.admin().getOk(fixture.realm.adminPath("/events?type=TOKEN_EXCHANGE&client=" + INTEGRATION)).get(0);

        assertThat(event.path("details").path("audience").asText()).isEqualTo("orders-api");
        assertThat(event.path("details").path("scope").asText()).isEqualTo("orders.read");
        assertThat(event.path("details").path("ttl").asText()).matches("\\d+");
        assertThat(event.path("details").path("jti_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(event.path("details").path("parent_jti_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(event.toString()).doesNotContain(issued.json().path("access_token").asText());
    }

    @Test
    @DisplayName("given an audience whose service account gained a realm-management role after registration then invalid_target")
    void audienceBecamePrivileged() {
        fixture.realm.requireClientAttributes(INTEGRATION, Map.of("integration.allowed-audiences", "orders-api billing-api admin-bot"));
        assertThat(fixture.exchange(fixture.exchangeForm(fixture.ownToken()).add("audience", "admin-bot").add("scope", "orders.read")).status())
                .as("grantable while admin-bot holds no admin role").isEqualTo(200);
        String serviceAccount = fixture.realm.serviceAccountId("admin-bot");
        String management = fixture.realm.clientUuid("realm-management");
        JsonNode role = fixture.server.admin().getOk(fixture.realm.adminPath("/clients/" + management + "/roles/view-users"));
        fixture.server.admin().post(fixture.realm.adminPath("/users/" + serviceAccount + "/role-mappings/clients/" + management), "[" + role + "]");

        JsonResponse response = fixture.exchange(fixture.exchangeForm(fixture.ownToken()).add("audience", "admin-bot").add("scope", "orders.read"));

        assertOAuthError(response, 400, "invalid_target", "audience is not allowed for this integration");
    }

    @Test
    @DisplayName("given a token issued then last-used-at is written by the background flush, not per token")
    void lastUsedIsRecorded() throws InterruptedException {
        Instant before = Instant.now().minusSeconds(1);
        fixture.ownToken();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String lastUsed = null;
        while (Instant.now().isBefore(deadline)) {
            lastUsed = fixture.server.admin().getOk(fixture.realm.adminPath("/integrations/" + INTEGRATION)).path("lastUsedAt").asText(null);
            if (lastUsed != null && !Instant.parse(lastUsed).isBefore(before.minusSeconds(1))) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(lastUsed).isNotNull();
        assertThat(Instant.parse(lastUsed)).isAfterOrEqualTo(before.minusSeconds(1));
    }
}
