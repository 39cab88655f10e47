package dev.integrationbroker.lifecycle.clientregistration;

import java.util.Map;

import org.keycloak.models.KeycloakSession;

/**
 * Carries the integration metadata of a registration request from the integration registration endpoint to
 * the client-policy check, which adds it to the representation Keycloak is about to store.
 */
public final class DcrHandoff {

    private static final String KEY = "integration-broker.dcr-metadata";

    private DcrHandoff() {
    }

    static void put(KeycloakSession session, Map<String, String> attributes) {
        session.setAttribute(KEY, Map.copyOf(attributes));
    }

    /** The metadata of the current registration request, once; null when none was sent. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> take(KeycloakSession session) {
        Map<String, String> attributes = session.getAttribute(KEY, Map.class);
        session.removeAttribute(KEY);
        return attributes;
    }
}
