package dev.integrationbroker.it.broker;

import static dev.integrationbroker.it.broker.BrokerFixture.INTEGRATION;
import static dev.integrationbroker.it.broker.BrokerFixture.SECRET;
import static dev.integrationbroker.it.broker.ErrorAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.integrationbroker.it.harness.Form;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("issuance gate")
class IssuanceGateIT {

    private static final String DEFAULT_POLICY = "{\"mode\":\"enforce\",\"unregistered-service-accounts\":\"monitor\","
            + "\"grace-days\":0,\"grace-token-ttl\":60,\"orphan-grace-days\":7,\"max-token-ttl\":3600,\"default-token-ttl\":300}";

    private BrokerFixture fixture;
    private com.fasterxml.jackson.databind.node.ObjectNode original;

    @BeforeAll
    void createRealm(KeycloakServer server) {
        fixture = new BrokerFixture(server);
        original = fixture.realm.client(INTEGRATION);
    }

    @AfterAll
    void deleteRealm() {
        fixture.close();
    }

    /** Every test starts from the fixture's integration, owners and the default policy. */
    @AfterEach
    void restore() {
        fixture.realm.requirePolicy(DEFAULT_POLICY);
        if (fixture.server.admin().getOk(fixture.realm.adminPath("/users?exact=true&username=bob")).isEmpty()) {
            fixture.server.admin().post(fixture.realm.adminPath("/users"), Map.of("username", "bob", "email", "bob@broker.test", "enabled", true));
        }
        setUserEnabled("bob", true);
        JsonResponse restored = fixture.realm.importClient(original.deepCopy());
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    }

    /** Restores the integration so that its next review falls at {@code due} (registration one day earlier, interval 1 day). */
    private void reviewDueAt(Instant due) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("integration.registered-at", rfc3339(due.minus(1, ChronoUnit.DAYS)));
        attributes.put("integration.review-interval-days", "1");
        attributes.put("integration.last-attested-at", null);
        fixture.realm.restoreClient(INTEGRATION, attributes);
    }

    private JsonResponse clientCredentials() {
        return fixture.realm.oauth().clientCredentials(INTEGRATION, SECRET, null);
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private void setUserEnabled(String username, boolean enabled) {
        String id = fixture.realm.userId(username);
        fixture.server.admin().put(fixture.realm.adminPath("/users/" + id), Map.of("enabled", enabled));
    }

    private static void sleepUntil(Instant instant) {
        long millis = java.time.Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(Math.min(millis, 10_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    @DisplayName("review")
    class Review {

        @Test
        @DisplayName("given a review date one second ago and no sweep then client_credentials is refused at once")
        void lapsedButUnswept() {
            Instant lapsed = Instant.now().minusSeconds(1);
            reviewDueAt(lapsed);

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "review lapsed on " + day(lapsed));
        }

        @Test
        @DisplayName("given a lapsed review then token exchange is refused too")
        void lapsedExchange() {
            Instant lapsed = Instant.now().plusSeconds(3);
            reviewDueAt(lapsed);
            String subject = fixture.ownToken();
            sleepUntil(lapsed.plusSeconds(1));

            JsonResponse response = fixture.exchange(fixture.exchangeForm(subject).add("audience", "orders-api").add("scope", "orders.read"));

            assertOAuthError(response, 400, "unauthorized_client", "review lapsed on " + day(lapsed));
        }

        @Test
        @DisplayName("given a refresh token issued before the review date then refreshing after it lapsed is refused by the gate")
        void lapsedRefresh() {
            fixture.realm.requireClientAttributes(INTEGRATION, Map.of("client_credentials.use_refresh_token", "true"));
            Instant lapsed = Instant.now().plusSeconds(3);
            reviewDueAt(lapsed);
            JsonResponse issued = clientCredentials();
            assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
            String refreshToken = issued.json().path("refresh_token").asText(null);
            assertThat(refreshToken).as("client_credentials.use_refresh_token gives the integration a refresh token").isNotNull();
            sleepUntil(lapsed.plusSeconds(1));

            JsonResponse refreshed = fixture.realm.oauth().token(Form.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                    "client_id", INTEGRATION, "client_secret", SECRET));

            assertOAuthError(refreshed, 400, "unauthorized_client", "review lapsed on " + day(lapsed));
            assertThat(refreshed.body()).doesNotContain(refreshToken);
        }

        @Test
        @DisplayName("given a refresh token of an active integration then refreshing is allowed")
        void activeRefresh() {
            fixture.realm.requireClientAttributes(INTEGRATION, Map.of("client_credentials.use_refresh_token", "true"));
            JsonResponse issued = clientCredentials();
            assertThat(issued.status()).as(issued.toString()).isEqualTo(200);

            JsonResponse refreshed = fixture.realm.oauth().token(Form.of("grant_type", "refresh_token",
                    "refresh_token", issued.json().path("refresh_token").asText(), "client_id", INTEGRATION, "client_secret", SECRET));

            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        }

        @Test
        @DisplayName("given a review due in 30 s then the token lives at most 30 s")
        void reviewSoon() {
            reviewDueAt(Instant.now().plusSeconds(30));

            JsonResponse response = clientCredentials();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isBetween(1L, 30L);
        }

        @Test
        @DisplayName("given a lapsed review within grace then tokens live at most grace-token-ttl")
        void inGrace() {
            fixture.realm.requirePolicy("{\"grace-days\":1,\"grace-token-ttl\":45}");
            reviewDueAt(Instant.now().minusSeconds(3600));

            JsonResponse response = clientCredentials();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isBetween(1L, 45L);
        }

        @Test
        @DisplayName("given monitor mode and a lapsed review then the token is still issued")
        void monitorMode() {
            fixture.realm.requirePolicy("{\"mode\":\"monitor\"}");
            reviewDueAt(Instant.now().minusSeconds(60));

            JsonResponse response = clientCredentials();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }

        @Test
        @DisplayName("given mode off and a lapsed review then the token is issued by Keycloak alone")
        void modeOff() {
            fixture.realm.requirePolicy("{\"mode\":\"off\"}");
            reviewDueAt(Instant.now().minusSeconds(60));

            assertThat(clientCredentials().status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("status, expiry, owners, metadata")
    class StatusAndOwners {

        @Test
        @DisplayName("given a suspended integration that is still enabled then unauthorized_client")
        void suspended() {
            JsonResponse suspended = fixture.server.admin().post(fixture.realm.adminPath("/integrations/" + INTEGRATION + "/suspend"), "{\"reason\":\"manual\"}");
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
            var client = fixture.realm.client(INTEGRATION);
            client.put("enabled", true);
            assertThat(fixture.server.admin().put(fixture.realm.adminPath("/clients/" + client.get("id").asText()), client).status()).isEqualTo(204);

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "integration is suspended (manual)");
        }

        @Test
        @DisplayName("given expires-at in the past then unauthorized_client")
        void expired() {
            Instant past = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
            fixture.realm.requireClientAttributes(INTEGRATION, Map.of("integration.expires-at", rfc3339(past)));
            sleepUntil(past.plusMillis(200));

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "integration expired on " + day(past));
        }

        @Test
        @DisplayName("given expires-at in 20 s then the token lives at most 20 s")
        void expiresSoon() {
            fixture.realm.requireClientAttributes(INTEGRATION, Map.of("integration.expires-at", rfc3339(Instant.now().plusSeconds(20))));

            JsonResponse response = clientCredentials();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isBetween(1L, 20L);
        }

        @Test
        @DisplayName("given a disabled owner and orphan-grace-days 0 then unauthorized_client")
        void ownerDisabled() {
            fixture.realm.requirePolicy("{\"orphan-grace-days\":0}");
            setUserEnabled("bob", false);

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "owner missing: an owner is disabled");
        }

        @Test
        @DisplayName("given an owner deleted from the realm and orphan-grace-days 0 then unauthorized_client")
        void ownerMissing() {
            fixture.realm.requirePolicy("{\"orphan-grace-days\":0}");
            JsonResponse deleted = fixture.server.admin().delete(fixture.realm.adminPath("/users/" + fixture.realm.userId("bob")));
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
            assertThat(fixture.server.admin().getOk(fixture.realm.adminPath("/users?exact=true&username=bob"))).isEmpty();

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "owner missing: an owner is not a user of this realm");
        }

        @Test
        @DisplayName("given a disabled owner within orphan-grace-days then tokens are still issued")
        void ownerDisabledWithinGrace() {
            setUserEnabled("bob", false);

            assertThat(clientCredentials().status()).isEqualTo(200);
        }

        @Test
        @DisplayName("given the purpose removed then unauthorized_client naming the attribute")
        void metadataIncomplete() {
            // only possible for data written while the realm was not governed (mode off or before installation)
            fixture.realm.requirePolicy("{\"mode\":\"off\"}");
            fixture.realm.requireClientAttributes(INTEGRATION, Map.of("integration.purpose", ""));
            fixture.realm.requirePolicy("{\"mode\":\"enforce\"}");

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "metadata incomplete: integration.purpose is missing");
        }
    }

    @Nested
    @DisplayName("lifetimes")
    class Lifetimes {

        @Test
        @DisplayName("given integration.max-token-ttl 90 then client_credentials tokens live 90 s")
        void integrationCap() {
            fixture.realm.requireClientAttributes(INTEGRATION, Map.of("integration.max-token-ttl", "90"));

            JsonResponse response = clientCredentials();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isBetween(89L, 90L);
        }

        @Test
        @DisplayName("given integration.max-token-ttl 90 and a refresh token then the refreshed token lives 90 s too")
        void integrationCapOnRefresh() {
            fixture.realm.requireClientAttributes(INTEGRATION, Map.of("integration.max-token-ttl", "90", "client_credentials.use_refresh_token", "true"));
            JsonResponse issued = clientCredentials();
            assertThat(issued.status()).as(issued.toString()).isEqualTo(200);

            JsonResponse refreshed = fixture.realm.oauth().token(Form.of("grant_type", "refresh_token",
                    "refresh_token", issued.json().path("refresh_token").asText(), "client_id", INTEGRATION, "client_secret", SECRET));

            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            assertThat(refreshed.json().path("expires_in").asLong()).isBetween(89L, 90L);
        }

        @Test
        @DisplayName("given realm max-token-ttl 100 then exchanged tokens live at most 100 s")
        void realmCap() {
            fixture.realm.requirePolicy("{\"max-token-ttl\":100,\"default-token-ttl\":100,\"grace-token-ttl\":60}");

            JsonResponse response = fixture.exchange(fixture.validExchange());

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isBetween(1L, 100L);
        }

        @Test
        @DisplayName("given a scope capped at 120 s then the exchanged token lives at most 120 s")
        void scopeCap() {
            JsonResponse response = fixture.exchange(fixture.exchangeForm(fixture.ownToken())
                    .add("audience", "billing-api").add("scope", "billing.read"));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isBetween(1L, 120L);
        }
    }

    @Nested
    @DisplayName("unregistered service accounts")
    class Unregistered {

        @Test
        @DisplayName("given unregistered-service-accounts deny then unauthorized_client")
        void deny() {
            fixture.realm.requirePolicy("{\"unregistered-service-accounts\":\"deny\"}");

            assertOAuthError(fixture.realm.oauth().clientCredentials("legacy-svc", "legacy-secret", null), 400,
                    "unauthorized_client", "service account is not registered as an integration");
        }

        @Test
        @DisplayName("given unregistered-service-accounts monitor then the token is issued")
        void monitor() {
            assertThat(fixture.realm.oauth().clientCredentials("legacy-svc", "legacy-secret", null).status()).isEqualTo(200);
        }

        @Test
        @DisplayName("given a wrong secret then Keycloak's own 401 answer is unchanged")
        void badSecret() {
            assertOAuthError(fixture.realm.oauth().clientCredentials(INTEGRATION, "wrong", null), 401,
                    "unauthorized_client", "Invalid client or Invalid client credentials");
        }
    }
}
