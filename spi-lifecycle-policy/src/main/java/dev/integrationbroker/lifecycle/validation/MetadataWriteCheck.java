package dev.integrationbroker.lifecycle.validation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;

/**
 * The one entry point every write path uses to check integration metadata: system attributes first, then
 * the SPEC §1 rules. Realms whose policy mode is {@code off} are not checked.
 */
public final class MetadataWriteCheck {

    /** Error code of refused writes: RFC 7591's code, also used by the admin API. */
    public static final String ERROR = "invalid_client_metadata";

    private MetadataWriteCheck() {
    }

    /**
     * @param before the client's attributes before the write, or null for a new client
     * @param proposed the attributes of the submitted representation (may be null)
     * @param guardSystemAttributes false for imports, which restore exported system attributes
     */
    public static Optional<Violation> check(KeycloakSession session, RealmModel realm, Map<String, String> before,
            Map<String, String> proposed, boolean confidentialWithServiceAccount, boolean guardSystemAttributes) {
        RealmPolicy policy = RealmPolicyStore.read(realm);
        if (!policy.active()) {
            return Optional.empty();
        }
        AttributeWrite write = AttributeWrite.of(before, proposed);
        if (guardSystemAttributes) {
            Optional<Violation> system = SystemAttributeGuard.check(write);
            if (system.isPresent()) {
                return system;
            }
        }
        return MetadataRules.check(write.after(), write.changed(), confidentialWithServiceAccount, policy,
                new SessionMetadataLookups(session, realm, policy), Instant.now());
    }
}
