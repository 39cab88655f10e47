package dev.integrationbroker.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.Json;
import dev.integrationbroker.audit.testing.FakeKeycloak;
import dev.integrationbroker.audit.testing.Metadata;

class AdminEventAuditTest {

    static final String EVENT_ID = "a1b2c3d4-0000-4000-8000-00000000000a";
    static final String SECRET = "kZ3hQ9vN2mW8xT5rL1pB7cY4dF6gJ0sA";

    private ListenerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ListenerFixture();
        fixture.keycloak.admin("u-1", "root-admin");
    }

    static AdminEvent admin(OperationType operation, ResourceType resource, String path, String representation) {
        AdminEvent event = new AdminEvent();
        event.setId(EVENT_ID);
        event.setTime(1_772_359_200_000L);
        event.setRealmId(FakeKeycloak.REALM_ID);
        event.setRealmName(FakeKeycloak.REALM_NAME);
        event.setOperationType(operation);
        event.setResourceType(resource);
        event.setResourcePath(path);
        event.setRepresentation(representation);
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(FakeKeycloak.ADMIN_REALM_ID);
        auth.setUserId("u-1");
        auth.setIpAddress("192.0.2.10");
        event.setAuthDetails(auth);
        return event;
    }

    private static String clientRepresentation(String clientId, Map<String, String> attributes) {
        ObjectNode json = Json.MAPPER.createObjectNode().put("clientId", clientId).put("secret", SECRET);
        json.set("attributes", Json.MAPPER.valueToTree(attributes));
        return json.toString();
    }

    private void send(AdminEvent event) {
        fixture.listener().onEvent(event, false);
    }

    @Nested
    class ClientChanges {

        @Test
        @DisplayName("given an integration created by an admin then integration.registered lists every metadata attribute as new")
        void created() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());

            send(admin(OperationType.CREATE, ResourceType.CLIENT, "clients/c-1", clientRepresentation("crm-sync", Metadata.crm())));

            ObjectNode record = fixture.only();
            assertThat(record.get("id").asText()).isEqualTo(EVENT_ID);
            assertThat(record.get("type").asText()).isEqualTo("integration.registered");
            assertThat(record.get("actor").asText()).isEqualTo("root-admin");
            assertThat(record.get("ip").asText()).isEqualTo("192.0.2.10");
            assertThat(record.at("/details/changes").fieldNames()).toIterable().containsExactly("integration.allowed-audiences",
                    "integration.allowed-scopes", "integration.business-owner", "integration.purpose", "integration.technical-owner",
                    "integration.vendor");
            assertThat(fixture.snapshots.all()).containsKey("c-1");
        }

        @Test
        @DisplayName("given an update after a snapshot then details.changes holds exactly the changed attribute, old and new")
        void updatedWithSnapshot() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());
            send(admin(OperationType.CREATE, ResourceType.CLIENT, "clients/c-1", "{}"));
            fixture.records.clear();
            fixture.keycloak.client("c-1", "crm-sync", Metadata.with(Metadata.crm(), "integration.allowed-scopes", "contacts:read contacts:write"));

            send(admin(OperationType.UPDATE, ResourceType.CLIENT, "clients/c-1", "{}"));

            ObjectNode record = fixture.only();
            assertThat(record.get("type").asText()).isEqualTo("integration.changed");
            assertThat(record.at("/details/changes").toString()).isEqualTo("{\"integration.allowed-scopes\":"
                    + "{\"old\":\"contacts:read\",\"new\":\"contacts:read contacts:write\"}}");
            assertThat(record.at("/details").has("reason")).isFalse();
        }

        @Test
        @DisplayName("given an update of an integration never seen before then old values are null and the reason says they are unknown")
        void updatedWithoutSnapshot() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());

            send(admin(OperationType.UPDATE, ResourceType.CLIENT, "clients/c-1", "{}"));

            ObjectNode record = fixture.only();
            assertThat(record.at("/details/changes/integration.purpose").toString())
                    .isEqualTo("{\"old\":null,\"new\":\"Syncs CRM contacts nightly\"}");
            assertThat(record.at("/details/reason").asText()).isEqualTo(MetadataDiff.UNKNOWN_BEFORE);
        }

        @Test
        @DisplayName("given a pre-image left in the session then it is the old side of the diff")
        void preImage() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.with(Metadata.crm(), "integration.vendor", "globex"));
            fixture.keycloak.sessionAttributes().put(ClientPreImage.ATTRIBUTE_PREFIX + "c-1", Metadata.crm());

            send(admin(OperationType.UPDATE, ResourceType.CLIENT, "clients/c-1", "{}"));

            assertThat(fixture.only().at("/details/changes").toString())
                    .isEqualTo("{\"integration.vendor\":{\"old\":\"acme\",\"new\":\"globex\"}}");
        }

        @Test
        @DisplayName("given an update of a client that is not and was not an integration then nothing is written")
        void plainClient() {
            fixture.keycloak.client("c-5", "web-app", Map.of("pkce.code.challenge.method", "S256"));

            send(admin(OperationType.UPDATE, ResourceType.CLIENT, "clients/c-5", "{}"));

            assertThat(fixture.records).isEmpty();
        }

        @Test
        @DisplayName("given a retired integration's business owner removed then the change is recorded with its current status")
        void unregistered() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());
            send(admin(OperationType.CREATE, ResourceType.CLIENT, "clients/c-1", "{}"));
            fixture.records.clear();
            fixture.keycloak.client("c-1", "crm-sync", Metadata.with(Metadata.with(Metadata.crm(), "integration.business-owner", null),
                    "integration.status", "retired"));

            send(admin(OperationType.UPDATE, ResourceType.CLIENT, "clients/c-1", "{}"));

            ObjectNode record = fixture.only();
            assertThat(record.at("/details/changes").toString())
                    .isEqualTo("{\"integration.business-owner\":{\"old\":\"alice\",\"new\":null}}");
            assertThat(record.at("/integration/status").asText()).isEqualTo("retired");
            assertThat(record.at("/integration/businessOwner").asText()).isEqualTo("alice");
            assertThat(fixture.snapshots.all()).doesNotContainKey("c-1");
        }

        @Test
        @DisplayName("given an integration deleted then integration.deleted carries the integration as it was and its snapshot goes")
        void deleted() {
            ClientModel client = fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());
            fixture.snapshots.put(FakeKeycloak.REALM_ID, "c-1", Json.parseObject("{}"), 0);
            removed(fixture.keycloak.session, client);

            send(admin(OperationType.DELETE, ResourceType.CLIENT, "clients/c-1", "{\"id\":\"c-1\",\"clientId\":\"crm-sync\"}"));

            ObjectNode record = fixture.only();
            assertThat(record.get("type").asText()).isEqualTo("integration.deleted");
            assertThat(record.at("/integration/businessOwner").asText()).isEqualTo("alice");
            assertThat(fixture.snapshots.all()).doesNotContainKey("c-1");
        }

        @Test
        @DisplayName("given a regenerated secret then integration.credential-changed is written and the secret never is")
        void secret() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());

            send(admin(OperationType.ACTION, ResourceType.CLIENT, "clients/c-1/client-secret",
                    "{\"type\":\"secret\",\"value\":\"" + SECRET + "\"}"));

            ObjectNode record = fixture.only();
            assertThat(record.get("type").asText()).isEqualTo("integration.credential-changed");
            assertThat(record.at("/details/reason").asText()).isEqualTo("secret regenerated");
            assertThat(record.toString()).doesNotContain(SECRET);
        }

        @Test
        @DisplayName("given a representation carrying a secret then no record contains it")
        void representationNeverCopied() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());

            send(admin(OperationType.CREATE, ResourceType.CLIENT, "clients/c-1", clientRepresentation("crm-sync", Metadata.crm())));
            send(admin(OperationType.UPDATE, ResourceType.CLIENT, "clients/c-1", clientRepresentation("crm-sync", Metadata.crm())));

            assertThat(fixture.json()).hasSize(2).allSatisfy(json -> assertThat(json.toString()).doesNotContain(SECRET)
                    .doesNotContain("client.secret.creation.time"));
        }

        @Test
        @DisplayName("given a failed admin operation or an unrelated resource then nothing is written")
        void ignored() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());
            AdminEvent failed = admin(OperationType.UPDATE, ResourceType.CLIENT, "clients/c-1", "{}");
            failed.setError("invalid_input");

            send(failed);
            send(admin(OperationType.UPDATE, ResourceType.PROTOCOL_MAPPER, "clients/c-1/protocol-mappers/models/m-1", "{}"));
            send(admin(OperationType.UPDATE, ResourceType.USER, "users/u-9", "{}"));

            assertThat(fixture.records).isEmpty();
        }

        private void removed(KeycloakSession session, ClientModel client) {
            new RemovalListener().onEvent(new ClientModel.ClientRemovedEvent() {
                @Override
                public ClientModel getClient() {
                    return client;
                }

                @Override
                public KeycloakSession getKeycloakSession() {
                    return session;
                }
            });
        }
    }

    @Nested
    class Actions {

        @Test
        @DisplayName("given an attestation through the integrations API then integration.attested carries the note")
        void attested() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());

            send(admin(OperationType.ACTION, ResourceType.CLIENT, "integrations/crm-sync/attest",
                    "{\"action\":\"attest\",\"clientId\":\"crm-sync\",\"note\":\"Reviewed with the vendor\"}"));

            ObjectNode record = fixture.only();
            assertThat(record.get("type").asText()).isEqualTo("integration.attested");
            assertThat(record.get("clientId").asText()).isEqualTo("crm-sync");
            assertThat(record.at("/details/note").asText()).isEqualTo("Reviewed with the vendor");
        }

        @Test
        @DisplayName("given each single-integration action then it maps to its record type")
        void types() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());
            for (String action : new String[] {"suspend", "reactivate", "revoke-tokens"}) {
                send(admin(OperationType.ACTION, ResourceType.CLIENT, "integrations/crm-sync/" + action,
                        "{\"action\":\"" + action + "\",\"clientId\":\"crm-sync\"}"));
            }

            assertThat(fixture.json()).extracting(json -> json.get("type").asText())
                    .containsExactly("integration.suspended", "integration.reactivated", "integration.tokens-revoked");
            assertThat(fixture.json().get(0).at("/details/reason").asText()).isEqualTo("manual");
        }

        @Test
        @DisplayName("given the kill switch suspending two integrations then each gets a record with its own stable id")
        void killSwitch() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());
            fixture.keycloak.client("c-2", "crm-export", Metadata.crm());

            send(admin(OperationType.ACTION, ResourceType.CLIENT, "integrations/suspend",
                    "{\"action\":\"kill-switch\",\"vendor\":\"acme\",\"suspended\":[\"crm-sync\",\"crm-export\"]}"));

            assertThat(fixture.json()).extracting(json -> json.get("clientId").asText()).containsExactly("crm-sync", "crm-export");
            assertThat(fixture.json()).extracting(json -> json.get("id").asText()).containsExactly(
                    UUID.nameUUIDFromBytes((EVENT_ID + "/crm-sync").getBytes(StandardCharsets.UTF_8)).toString(),
                    UUID.nameUUIDFromBytes((EVENT_ID + "/crm-export").getBytes(StandardCharsets.UTF_8)).toString());
            assertThat(fixture.json()).allSatisfy(json -> {
                assertThat(json.get("type").asText()).isEqualTo("integration.kill-switch");
                assertThat(json.at("/details/reason").asText()).isEqualTo("kill-switch");
                assertThat(json.at("/details/note").asText()).isEqualTo("vendor acme");
            });
        }

        @Test
        @DisplayName("given the kill switch matching nothing then one realm-level record says so")
        void killSwitchNone() {
            send(admin(OperationType.ACTION, ResourceType.CLIENT, "integrations/suspend",
                    "{\"action\":\"kill-switch\",\"vendor\":\"globex\",\"suspended\":[]}"));

            ObjectNode record = fixture.only();
            assertThat(record.get("id").asText()).isEqualTo(EVENT_ID);
            assertThat(record.get("clientId").isNull()).isTrue();
            assertThat(record.at("/details/note").asText()).contains("globex");
        }
    }

    @Nested
    class Lifecycle {

        private AdminEvent sweep(String clientUuid, String representation) {
            AdminEvent event = admin(OperationType.ACTION, ResourceType.CLIENT, "clients/" + clientUuid, representation);
            AuthDetails auth = new AuthDetails();
            auth.setRealmId(FakeKeycloak.REALM_ID);
            auth.setClientId("integration-lifecycle");
            auth.setIpAddress("127.0.0.1");
            event.setAuthDetails(auth);
            return event;
        }

        @Test
        @DisplayName("given the sweep suspending an integration then lifecycle.transition records the status change and reason")
        void transition() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.with(Metadata.crm(), "integration.status", "suspended"));

            send(sweep("c-1", "{\"action\":\"lifecycle\",\"clientId\":\"crm-sync\",\"from\":\"grace\",\"to\":\"suspended\","
                    + "\"reason\":\"review-lapsed\"}"));

            ObjectNode record = fixture.only();
            assertThat(record.get("type").asText()).isEqualTo("lifecycle.transition");
            assertThat(record.get("actor").asText()).isEqualTo("integration-lifecycle");
            assertThat(record.at("/integration/status").asText()).isEqualTo("suspended");
            assertThat(record.at("/details/reason").asText()).isEqualTo("review-lapsed");
            assertThat(record.at("/details/changes").toString())
                    .isEqualTo("{\"integration.status\":{\"old\":\"grace\",\"new\":\"suspended\"}}");
        }

        @Test
        @DisplayName("given the sweep's event naming the client's id then the client is looked up by id, never by a flushing clientId query")
        void looksUpById() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.with(Metadata.crm(), "integration.status", "suspended"));

            send(sweep("c-1", "{\"action\":\"lifecycle\",\"clientId\":\"crm-sync\",\"from\":\"grace\",\"to\":\"suspended\","
                    + "\"reason\":\"review-lapsed\"}"));

            assertThat(fixture.only().at("/integration/status").asText()).isEqualTo("suspended");
            org.mockito.Mockito.verify(fixture.keycloak.realm, org.mockito.Mockito.never()).getClientByClientId("crm-sync");
        }

        @Test
        @DisplayName("given a monitor-mode sweep then lifecycle.would-transition shows the status it would have had")
        void wouldTransition() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());

            send(sweep("c-1", "{\"action\":\"lifecycle\",\"clientId\":\"crm-sync\",\"from\":\"active\",\"to\":\"would-review-due\"}"));

            ObjectNode record = fixture.only();
            assertThat(record.get("type").asText()).isEqualTo("lifecycle.would-transition");
            assertThat(record.at("/details/changes/integration.status/new").asText()).isEqualTo("review-due");
        }

        @Test
        @DisplayName("given the sweep deleting a retired integration then the record describes it as it was")
        void deleted() {
            ClientModel client = fixture.keycloak.client("c-1", "crm-sync", Metadata.with(Metadata.crm(), "integration.status", "retired"));
            new RemovalListener().onEvent(new ClientModel.ClientRemovedEvent() {
                @Override
                public ClientModel getClient() {
                    return client;
                }

                @Override
                public KeycloakSession getKeycloakSession() {
                    return fixture.keycloak.session;
                }
            });
            org.mockito.Mockito.when(fixture.keycloak.realm.getClientById("c-1")).thenReturn(null);
            org.mockito.Mockito.when(fixture.keycloak.realm.getClientByClientId("crm-sync")).thenReturn(null);
            fixture.snapshots.put(FakeKeycloak.REALM_ID, "c-1", Json.parseObject("{}"), 0);

            send(sweep("c-1", "{\"action\":\"lifecycle\",\"clientId\":\"crm-sync\",\"from\":\"retired\",\"to\":\"deleted\"}"));

            ObjectNode record = fixture.only();
            assertThat(record.at("/integration/businessOwner").asText()).isEqualTo("alice");
            assertThat(record.at("/integration/status").asText()).isEqualTo("retired");
            assertThat(fixture.snapshots.all()).doesNotContainKey("c-1");
        }

        @Test
        @DisplayName("given a reminder event then reminder.sent carries its note")
        void reminder() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());

            send(sweep("c-1", "{\"action\":\"reminder\",\"clientId\":\"crm-sync\",\"note\":\"review due in 7 days\"}"));

            ObjectNode record = fixture.only();
            assertThat(record.get("type").asText()).isEqualTo("reminder.sent");
            assertThat(record.at("/details/note").asText()).isEqualTo("review due in 7 days");
        }
    }

    @Nested
    class Policy {

        @Test
        @DisplayName("given two policy updates then the second record holds only what changed, with JSON types kept")
        void diff() {
            send(admin(OperationType.UPDATE, ResourceType.REALM, "integrations/policy", "{\"mode\":\"enforce\",\"max-token-ttl\":3600}"));
            send(admin(OperationType.UPDATE, ResourceType.REALM, "integrations/policy", "{\"mode\":\"monitor\",\"max-token-ttl\":3600}"));

            assertThat(fixture.json()).extracting(json -> json.get("type").asText()).containsOnly("policy.changed");
            assertThat(fixture.json().get(0).at("/details/reason").asText()).isEqualTo(MetadataDiff.UNKNOWN_BEFORE);
            assertThat(fixture.json().get(1).at("/details/changes").toString())
                    .isEqualTo("{\"mode\":{\"old\":\"enforce\",\"new\":\"monitor\"}}");
        }
    }

    @Nested
    class Failures {

        @Test
        @DisplayName("given a record that cannot be written and fail-closed then the transaction is marked rollback-only")
        void failClosed() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());
            AuditServices broken = new AuditServices((session, realm, record) -> {
                throw new IllegalStateException("database down");
            }, session -> fixture.snapshots, java.time.Clock.systemUTC());

            new IntegrationAuditEventListenerProvider(fixture.keycloak.session, broken, fixture.stats, true)
                    .onEvent(admin(OperationType.CREATE, ResourceType.CLIENT, "clients/c-1", "{}"), false);

            verify(fixture.keycloak.transactions).setRollbackOnly();
            assertThat(fixture.stats.recordFailures()).isEqualTo(1);
        }

        @Test
        @DisplayName("given a record that cannot be written and fail-open then the change proceeds and the failure is counted")
        void failOpen() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());
            AuditServices broken = new AuditServices((session, realm, record) -> {
                throw new IllegalStateException("database down");
            }, session -> fixture.snapshots, java.time.Clock.systemUTC());

            new IntegrationAuditEventListenerProvider(fixture.keycloak.session, broken, fixture.stats, false)
                    .onEvent(admin(OperationType.CREATE, ResourceType.CLIENT, "clients/c-1", "{}"), false);

            verify(fixture.keycloak.transactions, never()).setRollbackOnly();
            assertThat(fixture.stats.recordFailures()).isEqualTo(1);
        }
    }
}
