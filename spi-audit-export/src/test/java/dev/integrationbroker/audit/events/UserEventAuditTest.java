package dev.integrationbroker.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.testing.FakeKeycloak;
import dev.integrationbroker.audit.testing.Metadata;

class UserEventAuditTest {

    private ListenerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ListenerFixture();
    }

    private static Event event(EventType type, String clientId) {
        Event event = TokenEventRecordsTest.event(type, Map.of("token_id", TokenEventRecordsTest.JTI));
        event.setRealmId(FakeKeycloak.REALM_ID);
        event.setClientId(clientId);
        return event;
    }

    @Nested
    class Scope {

        @Test
        @DisplayName("given an integration's client_credentials token then a token.issued record with its integration block is written")
        void integration() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());

            fixture.listener().onEvent(event(EventType.CLIENT_LOGIN, "crm-sync"));

            ObjectNode record = fixture.only();
            assertThat(record.get("clientId").asText()).isEqualTo("crm-sync");
            assertThat(record.get("realm").asText()).isEqualTo("acme-corp");
            assertThat(record.get("integration").toString()).isEqualTo("{\"businessOwner\":\"alice\",\"technicalOwner\":\"bob\","
                    + "\"purpose\":\"Syncs CRM contacts nightly\",\"vendor\":\"acme\",\"status\":\"active\",\"nextReview\":\"2026-06-01T00:00:00Z\"}");
        }

        @Test
        @DisplayName("given an unregistered service account and the default monitor policy then it is audited without integration block")
        void unregisteredMonitored() {
            fixture.keycloak.client("c-2", "legacy-job", Map.of());

            fixture.listener().onEvent(event(EventType.CLIENT_LOGIN_ERROR, "legacy-job"));

            ObjectNode record = fixture.only();
            assertThat(record.get("type").asText()).isEqualTo("token.refused");
            assertThat(record.get("integration").isNull()).isTrue();
        }

        @Test
        @DisplayName("given unregistered service accounts allowed by policy then they are not audited")
        void unregisteredAllowed() {
            fixture.keycloak.policy("{\"unregistered-service-accounts\":\"allow\"}").client("c-2", "legacy-job", Map.of());

            fixture.listener().onEvent(event(EventType.CLIENT_LOGIN, "legacy-job"));

            assertThat(fixture.records).isEmpty();
        }

        @Test
        @DisplayName("given a public client without metadata then it is not audited")
        void publicClient() {
            ClientModel spa = fixture.keycloak.client("c-3", "spa", Map.of());
            when(spa.isPublicClient()).thenReturn(true);

            fixture.listener().onEvent(event(EventType.REFRESH_TOKEN, "spa"));

            assertThat(fixture.records).isEmpty();
        }

        @Test
        @DisplayName("given a realm whose policy mode is off then token events are not audited")
        void modeOff() {
            fixture.keycloak.policy("{\"mode\":\"off\"}").client("c-1", "crm-sync", Metadata.crm());

            fixture.listener().onEvent(event(EventType.CLIENT_LOGIN, "crm-sync"));

            assertThat(fixture.records).isEmpty();
        }

        @Test
        @DisplayName("given an unknown client, a foreign event type or an unknown realm then nothing is written")
        void ignored() {
            fixture.keycloak.client("c-1", "crm-sync", Metadata.crm());
            Event foreignRealm = event(EventType.CLIENT_LOGIN, "crm-sync");
            foreignRealm.setRealmId("other");

            fixture.listener().onEvent(event(EventType.CLIENT_LOGIN, "nobody"));
            fixture.listener().onEvent(event(EventType.LOGIN, "crm-sync"));
            fixture.listener().onEvent(foreignRealm);

            assertThat(fixture.records).isEmpty();
        }
    }

    @Nested
    class Registration {

        @Test
        @DisplayName("given dynamic registration of an integration then integration.registered is written by client-registration")
        void registered() {
            fixture.keycloak.client("c-9", "dcr-app", Metadata.crm());

            fixture.listener().onEvent(event(EventType.CLIENT_REGISTER, "dcr-app"));

            ObjectNode record = fixture.only();
            assertThat(record.get("type").asText()).isEqualTo("integration.registered");
            assertThat(record.get("actor").asText()).isEqualTo("client-registration");
            assertThat(record.at("/details/changes/integration.vendor").toString()).isEqualTo("{\"old\":null,\"new\":\"acme\"}");
        }
    }
}
