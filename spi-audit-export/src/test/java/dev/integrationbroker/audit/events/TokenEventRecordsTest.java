package dev.integrationbroker.audit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.AuditRecordJson;
import dev.integrationbroker.audit.record.JtiDigest;
import dev.integrationbroker.audit.record.RecordTypes;
import dev.integrationbroker.audit.testing.Records;

class TokenEventRecordsTest {

    static final String JTI = "onrtro:6c1f0f5e-3d1b-4d55-9d43-0f6b2d1c9a11";
    static final String PARENT_JTI = "onrtac:0b7d8c2e-77f2-4a8e-b1d5-29f0a8c7e3b4";
    static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSIsImp0aSI6IngifQ.QmFzZTY0U2lnbmF0dXJlQnl0ZXNIZXJl";
    static final String SECRET = "kZ3hQ9vN2mW8xT5rL1pB7cY4dF6gJ0sA";

    static Event event(EventType type, Map<String, String> details) {
        Event event = new Event();
        event.setId("5f0c4a1e-1111-4222-8333-944445555666");
        event.setTime(1_772_359_200_123L);
        event.setType(type);
        event.setRealmId("realm-id");
        event.setRealmName("acme-corp");
        event.setClientId("crm-sync");
        event.setIpAddress("10.0.0.7");
        event.setDetails(new HashMap<>(details));
        return event;
    }

    static ObjectNode json(Event event) {
        String type = TokenEventRecords.typeOf(event.getType()).orElseThrow();
        return AuditRecordJson.toJson(TokenEventRecords.of(event, type, "acme-corp", Records.CRM));
    }

    @Nested
    class Types {

        @Test
        @DisplayName("given token events then successes are token.issued, errors token.refused, revocations token.revoked")
        void mapping() {
            assertThat(TokenEventRecords.typeOf(EventType.CLIENT_LOGIN)).contains(RecordTypes.TOKEN_ISSUED);
            assertThat(TokenEventRecords.typeOf(EventType.TOKEN_EXCHANGE)).contains(RecordTypes.TOKEN_ISSUED);
            assertThat(TokenEventRecords.typeOf(EventType.REFRESH_TOKEN)).contains(RecordTypes.TOKEN_ISSUED);
            assertThat(TokenEventRecords.typeOf(EventType.CLIENT_LOGIN_ERROR)).contains(RecordTypes.TOKEN_REFUSED);
            assertThat(TokenEventRecords.typeOf(EventType.TOKEN_EXCHANGE_ERROR)).contains(RecordTypes.TOKEN_REFUSED);
            assertThat(TokenEventRecords.typeOf(EventType.REFRESH_TOKEN_ERROR)).contains(RecordTypes.TOKEN_REFUSED);
            assertThat(TokenEventRecords.typeOf(EventType.REVOKE_GRANT)).contains(RecordTypes.TOKEN_REVOKED);
            assertThat(TokenEventRecords.typeOf(EventType.LOGIN)).isEmpty();
        }
    }

    @Nested
    class Issued {

        @Test
        @DisplayName("given a brokered exchange then audience, granted scope, ttl and the hashed jti and parent jti are kept")
        void exchange() {
            ObjectNode json = json(event(EventType.TOKEN_EXCHANGE, Map.of("audience", "contacts-api billing-api", "scope", "contacts:read",
                    "scope_requested", "contacts:read", "ttl", "300", "jti_sha256", JtiDigest.of(JTI),
                    "parent_jti_sha256", JtiDigest.of(PARENT_JTI), "subject_token_client_id", "web-app")));

            assertThat(json.get("id").asText()).isEqualTo("5f0c4a1e-1111-4222-8333-944445555666");
            assertThat(json.get("time").asText()).isEqualTo("2026-03-01T10:00:00.123Z");
            assertThat(json.get("type").asText()).isEqualTo("token.issued");
            assertThat(json.get("outcome").asText()).isEqualTo("success");
            assertThat(json.get("actor").asText()).isEqualTo("crm-sync");
            assertThat(json.get("ip").asText()).isEqualTo("10.0.0.7");
            assertThat(json.get("details").toString()).isEqualTo("{\"grantType\":\"urn:ietf:params:oauth:grant-type:token-exchange\","
                    + "\"audience\":[\"contacts-api\",\"billing-api\"],\"scopeRequested\":[\"contacts:read\"],"
                    + "\"scopeGranted\":[\"contacts:read\"],\"ttl\":300,"
                    + "\"jtiSha256\":\"" + JtiDigest.of(JTI) + "\",\"parentJtiSha256\":\"" + JtiDigest.of(PARENT_JTI) + "\"}");
        }

        @Test
        @DisplayName("given a broker hash detail that is not 64 lowercase hex digits then it is not kept")
        void brokerHashValidated() {
            ObjectNode json = json(event(EventType.TOKEN_EXCHANGE, Map.of("jti_sha256", JTI, "parent_jti_sha256", "ABC")));

            assertThat(json.at("/details").has("jtiSha256")).isFalse();
            assertThat(json.at("/details").has("parentJtiSha256")).isFalse();
        }

        @Test
        @DisplayName("given client_credentials then the grant type is named and the token's jti is hashed")
        void clientCredentials() {
            ObjectNode json = json(event(EventType.CLIENT_LOGIN, Map.of("grant_type", "client_credentials", "scope", "profile email",
                    "token_id", JTI, "client_auth_method", "client-secret", "username", "service-account-crm-sync")));

            assertThat(json.at("/details/grantType").asText()).isEqualTo("client_credentials");
            assertThat(json.at("/details/scopeGranted").toString()).isEqualTo("[\"profile\",\"email\"]");
            assertThat(json.at("/details/jtiSha256").asText()).isEqualTo(JtiDigest.of(JTI)).matches("[0-9a-f]{64}");
            assertThat(json.at("/details").has("parentJtiSha256")).isFalse();
        }

        @Test
        @DisplayName("given a refresh then the refresh token used is the parent")
        void refresh() {
            ObjectNode json = json(event(EventType.REFRESH_TOKEN, Map.of("token_id", JTI, "refresh_token_id", PARENT_JTI,
                    "updated_refresh_token_id", "onrtrt:new")));

            assertThat(json.at("/details/grantType").asText()).isEqualTo("refresh_token");
            assertThat(json.at("/details/parentJtiSha256").asText()).isEqualTo(JtiDigest.of(PARENT_JTI));
        }
    }

    @Nested
    class RefusedAndRevoked {

        @Test
        @DisplayName("given a gate refusal then the record is a failure carrying the client policy's reason and the error")
        void gateRefusal() {
            ObjectNode json = json(event(EventType.CLIENT_LOGIN_ERROR, Map.of("reason", "client_policy_error",
                    "client_policy_error", "unauthorized_client", "client_policy_error_detail", "review lapsed on 2026-02-01",
                    "scope", "contacts:write")));

            assertThat(json.get("type").asText()).isEqualTo("token.refused");
            assertThat(json.get("outcome").asText()).isEqualTo("failure");
            assertThat(json.at("/details/reason").asText()).isEqualTo("review lapsed on 2026-02-01");
            assertThat(json.at("/details/scopeRequested").toString()).isEqualTo("[\"contacts:write\"]");
            assertThat(json.at("/details").has("scopeGranted")).isFalse();
        }

        @Test
        @DisplayName("given a refusal event then the error code is kept")
        void error() {
            Event event = event(EventType.TOKEN_EXCHANGE_ERROR, Map.of("reason", "audience not allowed"));
            event.setError("invalid_target");

            assertThat(json(event).at("/details/error").asText()).isEqualTo("invalid_target");
        }

        @Test
        @DisplayName("given a revocation then the revoked token's jti is hashed and no scope is claimed granted")
        void revoked() {
            ObjectNode json = json(event(EventType.REVOKE_GRANT, Map.of("refresh_token_id", JTI)));

            assertThat(json.get("type").asText()).isEqualTo("token.revoked");
            assertThat(json.at("/details/jtiSha256").asText()).isEqualTo(JtiDigest.of(JTI));
            assertThat(json.at("/details").has("parentJtiSha256")).isFalse();
        }
    }

    @Nested
    class NoSecrets {

        @Test
        @DisplayName("given details carrying a token, a secret and raw jtis then none of them appears in the record")
        void nothingSensitive() {
            Event event = event(EventType.TOKEN_EXCHANGE_ERROR, Map.of("token_id", JTI, "parent_jti_sha256", PARENT_JTI,
                    "subject_token", JWT, "client_secret", SECRET, "reason", "subject token " + JWT + " is expired",
                    "refresh_token_id", PARENT_JTI));
            AuditRecord record = TokenEventRecords.of(event, RecordTypes.TOKEN_REFUSED, "acme-corp", Records.CRM);

            String serialised = AuditRecordJson.toJson(record).toString();

            assertThat(serialised).doesNotContain(JTI).doesNotContain(PARENT_JTI).doesNotContain(JWT)
                    .doesNotContain(SECRET).doesNotContain("eyJ").contains("[redacted]").contains(JtiDigest.of(JTI));
        }
    }
}
