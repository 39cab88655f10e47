package dev.integrationbroker.audit.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record's {@code details}: only what an auditor needs, never a token, a secret or a raw {@code jti}. Every
 * field is optional; absent fields are left out of the JSON.
 *
 * @param grantType the OAuth grant type of a token record ({@code client_credentials}, {@code refresh_token},
 *        {@code urn:ietf:params:oauth:grant-type:token-exchange})
 * @param audience audiences requested (refusal) or granted (issuance)
 * @param scopeRequested scopes the client asked for, when known
 * @param scopeGranted scopes in the issued token
 * @param ttl granted token lifetime in seconds
 * @param jtiSha256 lowercase hex SHA-256 of the issued (or revoked) token's {@code jti}
 * @param parentJtiSha256 lowercase hex SHA-256 of the parent token's {@code jti} (the exchanged subject token, or the
 *        refresh token used)
 * @param reason machine or short human reason (gate reason, suspension reason, Keycloak's event reason)
 * @param error the OAuth or Keycloak error code of a refusal
 * @param note the administrator's note of an action
 * @param changes attribute name to its old and new value, in name order
 */
public record AuditDetails(String grantType, List<String> audience, List<String> scopeRequested, List<String> scopeGranted,
        Long ttl, String jtiSha256, String parentJtiSha256, String reason, String error, String note,
        Map<String, AttributeChange> changes) {

    /** No details. */
    public static final AuditDetails NONE = builder().build();

    public AuditDetails {
        audience = audience == null ? List.of() : List.copyOf(audience);
        scopeRequested = scopeRequested == null ? List.of() : List.copyOf(scopeRequested);
        scopeGranted = scopeGranted == null ? List.of() : List.copyOf(scopeGranted);
        changes = changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects details field by field; unset fields stay absent. */
    public static final class Builder {
        private String grantType;
        private List<String> audience;
        private List<String> scopeRequested;
        private List<String> scopeGranted;
        private Long ttl;
        private String jtiSha256;
        private String parentJtiSha256;
        private String reason;
        private String error;
        private String note;
        private Map<String, AttributeChange> changes;

        private Builder() {
        }

        public Builder grantType(String value) {
            grantType = value;
            return this;
        }

        public Builder audience(List<String> value) {
            audience = value;
            return this;
        }

        public Builder scopeRequested(List<String> value) {
            scopeRequested = value;
            return this;
        }

        public Builder scopeGranted(List<String> value) {
            scopeGranted = value;
            return this;
        }

        public Builder ttl(Long value) {
            ttl = value;
            return this;
        }

        public Builder jtiSha256(String value) {
            jtiSha256 = value;
            return this;
        }

        public Builder parentJtiSha256(String value) {
            parentJtiSha256 = value;
            return this;
        }

        public Builder reason(String value) {
            reason = value;
            return this;
        }

        public Builder error(String value) {
            error = value;
            return this;
        }

        public Builder note(String value) {
            note = value;
            return this;
        }

        public Builder changes(Map<String, AttributeChange> value) {
            changes = value;
            return this;
        }

        public AuditDetails build() {
            return new AuditDetails(grantType, audience, scopeRequested, scopeGranted, ttl, jtiSha256, parentJtiSha256,
                    reason, error, note, changes);
        }
    }
}
