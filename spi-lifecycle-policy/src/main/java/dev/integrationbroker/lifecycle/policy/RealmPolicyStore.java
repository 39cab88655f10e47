package dev.integrationbroker.lifecycle.policy;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * Keeps a realm's policy in the realm attribute {@value #ATTRIBUTE}, so it is cached, invalidated,
 * exported and imported with the realm by Keycloak itself.
 */
public final class RealmPolicyStore {

    /** Realm attribute holding the policy JSON. */
    public static final String ATTRIBUTE = "integration-broker.policy";

    private static final Logger LOG = Logger.getLogger(RealmPolicyStore.class);

    private RealmPolicyStore() {
    }

    /**
     * The realm's policy; the defaults when none is stored. A stored value that no longer parses (edited by
     * hand in an export) falls back to the defaults, which enforce, and is logged.
     */
    public static RealmPolicy read(RealmModel realm) {
        String stored = realm.getAttribute(ATTRIBUTE);
        if (stored == null || stored.isBlank()) {
            return RealmPolicy.DEFAULTS;
        }
        try {
            return RealmPolicyJson.merge(RealmPolicy.DEFAULTS, RealmPolicyJson.parse(stored, ATTRIBUTE));
        } catch (PolicyValidationException e) {
            LOG.warnf("realm %s: stored integration policy is invalid (%s); the defaults apply", realm.getName(), e.getMessage());
            return RealmPolicy.DEFAULTS;
        }
    }

    /** Stores the policy (already validated, as every {@link RealmPolicy} is). */
    public static void write(RealmModel realm, RealmPolicy policy) {
        realm.setAttribute(ATTRIBUTE, RealmPolicyJson.toText(policy));
    }
}
