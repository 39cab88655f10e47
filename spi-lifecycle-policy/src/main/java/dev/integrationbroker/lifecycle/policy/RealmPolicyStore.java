package dev.integrationbroker.lifecycle.policy;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
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

    /**
     * The realm's policy, parsed once per request: the token endpoint consults it several times per request
     * (provider selection, gate, lifetime cap, broker), and parsing is the only cost of a read.
     */
    public static RealmPolicy read(KeycloakSession session, RealmModel realm) {
        String stored = realm.getAttribute(ATTRIBUTE);
        String key = "integration-broker.policy." + realm.getId();
        Parsed cached = session.getAttribute(key, Parsed.class);
        if (cached != null && java.util.Objects.equals(cached.stored(), stored)) {
            return cached.policy();
        }
        RealmPolicy policy = read(realm);
        session.setAttribute(key, new Parsed(stored, policy));
        return policy;
    }

    /** A parsed policy with the attribute text it came from, so a change within the request is seen. */
    private record Parsed(String stored, RealmPolicy policy) {
    }

    /** Stores the policy (already validated, as every {@link RealmPolicy} is). */
    public static void write(RealmModel realm, RealmPolicy policy) {
        realm.setAttribute(ATTRIBUTE, RealmPolicyJson.toText(policy));
    }
}
