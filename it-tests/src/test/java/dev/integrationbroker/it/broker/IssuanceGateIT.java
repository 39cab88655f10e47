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
    private final Map<String, String> changed = new HashMap<>();

    @BeforeAll
    void createRealm(KeycloakServer server) {
        fixture = new BrokerFixture(server);
    }

    @AfterAll
    void deleteRealm() {
        fixture.close();
    }

    /** Every test starts from the fixture's metadata and the default policy. */
    @AfterEach
    void restore() {
        if (!changed.isEmpty()) {
            fixture.realm.requireClientAttributes(INTEGRATION, changed);
            changed.clear();
        }
        fixture.realm.requirePolicy(DEFAULT_POLICY);
        setUserEnabled("bob", true);
    }

    private void set(String attribute, String value, String restoreTo) {
        changed.put(attribute, restoreTo);
        fixture.realm.requireClientAttributes(INTEGRATION, Map.of(attribute, value));
    }

    private JsonResponse clientCredentials() {
        return fixture.realm.oauth().clientCredentials(INTEGRATION, SECRET, null);
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    private void setUserEnabled(String username, boolean enabled) {
        String id = fixture.realm.userId(username);
        fixture.server.admin().put(fixture.realm.adminPath("/users/" + id), Map.of("enabled", enabled));
    }

    @Nested
    @DisplayName("review")
    class Review {

        @Test
        @DisplayName("given a review date one second ago and no sweep then client_credentials is refused at once")
        void lapsedButUnswept() {
            Instant lapsed = Instant.now().minusSeconds(1);
            set("integration.next-review", rfc3339(lapsed), null);

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "review lapsed on " + day(lapsed));
        }

        @Test
        @DisplayName("given a lapsed review then token exchange is refused too")
        void lapsedExchange() {
            String subject = fixture.ownToken();
            Instant lapsed = Instant.now().minusSeconds(5);
            set("integration.next-review", rfc3339(lapsed), null);

            JsonResponse response = fixture.exchange(fixture.exchangeForm(subject).add("audience", "orders-api").add("scope", "orders.read"));

            assertOAuthError(response, 400, "unauthorized_client", "review lapsed on " + day(lapsed));
        }

        @Test
        @DisplayName("given a review due in 30 s then the token lives at most 30 s")
        void reviewSoon() {
            set("integration.next-review", rfc3339(Instant.now().plusSeconds(30)), null);

            JsonResponse response = clientCredentials();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isBetween(1L, 30L);
        }

        @Test
        @DisplayName("given a lapsed review within grace then tokens live at most grace-token-ttl")
        void inGrace() {
            fixture.realm.requirePolicy("{\"grace-days\":1,\"grace-token-ttl\":45}");
            set("integration.next-review", rfc3339(Instant.now().minusSeconds(3600)), null);

            JsonResponse response = clientCredentials();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isBetween(1L, 45L);
        }

        @Test
        @DisplayName("given monitor mode and a lapsed review then the token is still issued")
        void monitorMode() {
            fixture.realm.requirePolicy("{\"mode\":\"monitor\"}");
            set("integration.next-review", rfc3339(Instant.now().minusSeconds(60)), null);

            JsonResponse response = clientCredentials();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }

        @Test
        @DisplayName("given mode off and a lapsed review then the token is issued by Keycloak alone")
        void modeOff() {
            fixture.realm.requirePolicy("{\"mode\":\"off\"}");
            set("integration.next-review", rfc3339(Instant.now().minusSeconds(60)), null);

            assertThat(clientCredentials().status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("status, expiry, owners, metadata")
    class StatusAndOwners {

        @Test
        @DisplayName("given a suspended integration that is still enabled then unauthorized_client")
        void suspended() {
            set("integration.status", "suspended", null);
            set("integration.suspended-reason", "manual", null);

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "integration is suspended (manual)");
        }

        @Test
        @DisplayName("given expires-at in the past then unauthorized_client")
        void expired() {
            Instant past = Instant.now().minusSeconds(10);
            set("integration.expires-at", rfc3339(past), null);

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "integration expired on " + day(past));
        }

        @Test
        @DisplayName("given expires-at in 20 s then the token lives at most 20 s")
        void expiresSoon() {
            set("integration.expires-at", rfc3339(Instant.now().plusSeconds(20)), null);

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
        @DisplayName("given an owner who is not a realm user and orphan-grace-days 0 then unauthorized_client")
        void ownerMissing() {
            fixture.realm.requirePolicy("{\"orphan-grace-days\":0}");
            set("integration.technical-owner", "nobody-by-this-name", "bob");

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
            set("integration.purpose", "", "Synchronise orders into the CRM");

            assertOAuthError(clientCredentials(), 400, "unauthorized_client", "metadata incomplete: integration.purpose is missing");
        }
    }

    @Nested
    @DisplayName("lifetimes")
    class Lifetimes {

        @Test
        @DisplayName("given integration.max-token-ttl 90 then client_credentials tokens live 90 s")
        void integrationCap() {
            set("integration.max-token-ttl", "90", "600");

            JsonResponse response = clientCredentials();

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isBetween(89L, 90L);
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
