package dev.integrationbroker.it.registry;

import static dev.integrationbroker.it.registry.RegistryFixture.assertRefused;
import static dev.integrationbroker.it.registry.RegistryFixture.metadataWith;
import static dev.integrationbroker.it.registry.RegistryFixture.newClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("integration metadata validation on every write path")
class MetadataValidationIT {

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

    /** Every SPEC §1 rule: the attributes that break it and the exact description. */
    static Stream<Arguments> rules() {
        String future = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        return Stream.of(
                rule("business owner missing", change("integration.business-owner", null),
                        "integration.business-owner: required when any integration attribute is set (integration.technical-owner is)"),
                rule("business owner unknown", change("integration.business-owner", "nobody-here"),
                        "integration.business-owner: must be the username of an existing, enabled user of this realm ('nobody-here' is not)"),
                rule("business owner disabled", change("integration.business-owner", "carol"),
                        "integration.business-owner: must be the username of an existing, enabled user of this realm ('carol' is not)"),
                rule("technical owner missing", change("integration.technical-owner", null),
                        "integration.technical-owner: required, the username of an existing, enabled user of this realm"),
                rule("technical owner disabled", change("integration.technical-owner", "carol"),
                        "integration.technical-owner: must be the username of an existing, enabled user of this realm ('carol' is not)"),
                rule("same owner twice", change("integration.technical-owner", "alice"),
                        "integration.technical-owner: must differ from integration.business-owner (realm policy allow-same-owner is false)"),
                rule("purpose missing", change("integration.purpose", null), "integration.purpose: required, 10 to 500 printable characters"),
                rule("purpose too short", change("integration.purpose", "too short"), "integration.purpose: required, 10 to 500 printable characters"),
                rule("purpose too long", change("integration.purpose", "p".repeat(501)), "integration.purpose: required, 10 to 500 printable characters"),
                rule("purpose with a control character", change("integration.purpose", "Exports\u0007invoices nightly"),
                        "integration.purpose: required, 10 to 500 printable characters"),
                rule("vendor with capitals and space", change("integration.vendor", "Ledger Co"), "integration.vendor: must match [a-z0-9-]{1,64}"),
                rule("vendor too long", change("integration.vendor", "v".repeat(65)), "integration.vendor: must match [a-z0-9-]{1,64}"),
                rule("review interval zero", change("integration.review-interval-days", "0"),
                        "integration.review-interval-days: must be a whole number from 1 to 365 (realm max-review-interval-days)"),
                rule("review interval above the realm maximum", change("integration.review-interval-days", "366"),
                        "integration.review-interval-days: must be a whole number from 1 to 365 (realm max-review-interval-days)"),
                rule("review interval not a number", change("integration.review-interval-days", "ninety"),
                        "integration.review-interval-days: must be a whole number from 1 to 365 (realm max-review-interval-days)"),
                rule("expiry in the past", change("integration.expires-at", "2020-01-01T00:00:00Z"), "integration.expires-at: must be in the future"),
                rule("expiry not RFC 3339", change("integration.expires-at", "next tuesday"),
                        "integration.expires-at: must be an RFC 3339 instant such as 2027-01-31T00:00:00Z"),
                rule("audiences missing", change("integration.allowed-audiences", null),
                        "integration.allowed-audiences: required, 1 to 100 space-separated client ids"),
                rule("audience unknown", change("integration.allowed-audiences", "billing-api ghost-api"),
                        "integration.allowed-audiences: no client 'ghost-api' in this realm"),
                rule("audience privileged", change("integration.allowed-audiences", "realm-management"),
                        "integration.allowed-audiences: 'realm-management' is a privileged client and can never be an audience"),
                rule("audience admin-cli", change("integration.allowed-audiences", "admin-cli"),
                        "integration.allowed-audiences: 'admin-cli' is a privileged client and can never be an audience"),
                rule("scopes missing", change("integration.allowed-scopes", null),
                        "integration.allowed-scopes: required, 1 to 100 space-separated client scope names"),
                rule("scope unknown", change("integration.allowed-scopes", "billing.read ghost.write"),
                        "integration.allowed-scopes: no client scope 'ghost.write' in this realm"),
                rule("max token ttl zero", change("integration.max-token-ttl", "0"),
                        "integration.max-token-ttl: must be a whole number from 1 to 3600 (realm max-token-ttl)"),
                rule("max token ttl above the realm maximum", change("integration.max-token-ttl", "3601"),
                        "integration.max-token-ttl: must be a whole number from 1 to 3600 (realm max-token-ttl)"),
                rule("valid expiry is accepted as control", change("integration.expires-at", future), null));
    }

    private static Arguments rule(String name, Map<String, String> change, String description) {
        return Arguments.of(name, change, description);
    }

    private static Map<String, String> change(String attribute, String value) {
        Map<String, String> change = new HashMap<>();
        change.put(attribute, value);
        return change;
    }

    @Nested
    @DisplayName("admin REST create")
    class AdminCreate {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.integrationbroker.it.registry.MetadataValidationIT#rules")
        @DisplayName("given metadata breaking a rule then 400 names the attribute and nothing is stored")
        void refused(String name, Map<String, String> change, String description) {
            ObjectNode client = newClient(metadataWith(change));

            JsonResponse response = server.admin().post(realm.adminPath("/clients"), client);

            if (description == null) {
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                return;
            }
            assertRefused(response, description);
            assertThat(server.admin().getOk(realm.adminPath("/clients?clientId=" + client.get("clientId").asText()))).isEmpty();
        }
    }

    @Nested
    @DisplayName("admin REST update")
    class AdminUpdate {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.integrationbroker.it.registry.MetadataValidationIT#rules")
        @DisplayName("given an update breaking a rule then 400 names the attribute and the stored metadata is unchanged")
        void refused(String name, Map<String, String> change, String description) {
            ObjectNode client = newClient(RegistryFixture.validMetadata());
            assertThat(server.admin().post(realm.adminPath("/clients"), client).status()).isEqualTo(201);
            ObjectNode stored = realm.client(client.get("clientId").asText());
            ObjectNode update = stored.deepCopy();
            ObjectNode attributes = (ObjectNode) update.get("attributes");
            change.forEach((attribute, value) -> attributes.put(attribute, value == null ? "" : value));

            JsonResponse response = server.admin().put(realm.adminPath("/clients/" + stored.get("id").asText()), update);

            if (description == null) {
                assertThat(response.status()).as(response.toString()).isEqualTo(204);
                return;
            }
            boolean unregisters = change.containsKey("integration.business-owner") && change.get("integration.business-owner") == null;
            assertRefused(response, unregisters ? "integration.business-owner: cannot be removed while the integration is not retired" : description);
            assertThat(realm.client(client.get("clientId").asText()).get("attributes")).isEqualTo(stored.get("attributes"));
        }
    }

    @Nested
    @DisplayName("partial import")
    class PartialImport {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.integrationbroker.it.registry.MetadataValidationIT#rules")
        @DisplayName("given an imported client breaking a rule then 400 names the client and the attribute, nothing is stored")
        void refused(String name, Map<String, String> change, String description) {
            ObjectNode client = newClient(metadataWith(change));

            JsonResponse response = realm.importClient(client);

            if (description == null) {
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                return;
            }
            assertRefused(response, "client " + client.get("clientId").asText() + ": " + description);
            assertThat(server.admin().getOk(realm.adminPath("/clients?clientId=" + client.get("clientId").asText()))).isEmpty();
        }
    }

    @Nested
    @DisplayName("realm import")
    class RealmImport {

        @Test
        @DisplayName("given a realm whose integration names a missing owner then 400 and the realm is not created")
        void refused() {
            ObjectNode rep = TestRealm.fixture("registry");
            String name = "registry-refused-" + System.nanoTime();
            rep.put("realm", name);
            ObjectNode crm = (ObjectNode) rep.get("clients").get(2);
            ((ObjectNode) crm.get("attributes")).put("integration.technical-owner", "gone");

            JsonResponse response = server.admin().post("/admin/realms", rep);

            assertRefused(response, "client crm: integration.technical-owner: must be the username of an existing, enabled user of this realm ('gone' is not)");
            assertThat(server.admin().get("/admin/realms/" + name).status()).isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("system attributes and registration")
    class SystemAttributes {

        @Test
        @DisplayName("given a new client setting integration.status then 400 (not silently altered)")
        void statusOnCreate() {
            ObjectNode client = newClient(metadataWith(Map.of("integration.status", "active")));

            assertRefused(server.admin().post(realm.adminPath("/clients"), client),
                    "integration.status: is maintained by the system and cannot be set or changed by a client representation");
        }

        @Test
        @DisplayName("given an update moving next-review then 400")
        void nextReviewOnUpdate() {
            ObjectNode crm = realm.client("crm");
            ((ObjectNode) crm.get("attributes")).put("integration.next-review", "2099-01-01T00:00:00Z");

            assertRefused(server.admin().put(realm.adminPath("/clients/" + crm.get("id").asText()), crm),
                    "integration.next-review: is maintained by the system and cannot be set or changed by a client representation");
        }

        @Test
        @DisplayName("given an update removing the business owner of an active integration then 400")
        void unregisterRefused() {
            ObjectNode crm = realm.client("crm");
            ((ObjectNode) crm.get("attributes")).put("integration.business-owner", "");

            assertRefused(server.admin().put(realm.adminPath("/clients/" + crm.get("id").asText()), crm),
                    "integration.business-owner: cannot be removed while the integration is not retired");
        }

        @Test
        @DisplayName("given the console's full representation sent back unchanged then the update is accepted")
        void unchangedRoundTrip() {
            ObjectNode crm = realm.client("crm");

            assertThat(server.admin().put(realm.adminPath("/clients/" + crm.get("id").asText()), crm).status()).isEqualTo(204);
        }

        @Test
        @DisplayName("given a public client with integration metadata then 400")
        void publicClient() {
            ObjectNode client = newClient(RegistryFixture.validMetadata()).put("publicClient", true);

            assertRefused(server.admin().post(realm.adminPath("/clients"), client),
                    "integration.business-owner: an integration must be a confidential client with service accounts enabled");
        }

        @Test
        @DisplayName("given a valid new integration then registration time, status and next review are stamped")
        void stamped() {
            ObjectNode client = newClient(metadataWith(Map.of("integration.review-interval-days", "30")));
            assertThat(server.admin().post(realm.adminPath("/clients"), client).status()).isEqualTo(201);

            JsonNode attributes = realm.client(client.get("clientId").asText()).get("attributes");

            Instant registered = Instant.parse(attributes.path("integration.registered-at").asText());
            assertThat(registered).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
            assertThat(attributes.path("integration.status").asText()).isEqualTo("active");
            assertThat(Instant.parse(attributes.path("integration.next-review").asText())).isEqualTo(registered.plus(30, ChronoUnit.DAYS));
        }

        @Test
        @DisplayName("given an integration whose owner was disabled later then unrelated edits are still accepted")
        void staleOwnerDoesNotBlockEdits() {
            ObjectNode client = newClient(RegistryFixture.validMetadata());
            assertThat(server.admin().post(realm.adminPath("/clients"), client).status()).isEqualTo(201);
            String bob = realm.userId("bob");
            server.admin().put(realm.adminPath("/users/" + bob), Map.of("enabled", false));
            try {
                ObjectNode stored = realm.client(client.get("clientId").asText());
                stored.put("description", "edited while an owner is disabled");

                assertThat(server.admin().put(realm.adminPath("/clients/" + stored.get("id").asText()), stored).status()).isEqualTo(204);
            } finally {
                server.admin().put(realm.adminPath("/users/" + bob), Map.of("enabled", true));
            }
        }
    }
}
