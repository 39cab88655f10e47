package dev.integrationbroker.lifecycle.events;

import java.util.HashSet;
import java.util.Set;

import org.keycloak.models.KeycloakSession;

/**
 * Per-request notes between the write paths: which clients a client-policy check already validated, which
 * writes are the extension's own, and which realm is being imported.
 */
public final class WriteMarks {

    private static final String CHECKED = "integration-broker.checked-clients";
    private static final String SYSTEM_WRITE = "integration-broker.system-write";
    private static final String IMPORTING = "integration-broker.importing-realm";
    private static final String PENDING = "integration-broker.pending-clients";

    private WriteMarks() {
    }

    /** Records that the admin or DCR check validated the write of this client id in this request. */
    public static void markChecked(KeycloakSession session, String clientId) {
        set(session, CHECKED).add(clientId);
    }

    static boolean isChecked(KeycloakSession session, String clientId) {
        return set(session, CHECKED).contains(clientId);
    }

    /** Runs the extension's own attribute writes, which the metadata checks do not apply to. */
    public static void systemWrite(KeycloakSession session, Runnable write) {
        Object previous = session.getAttribute(SYSTEM_WRITE);
        session.setAttribute(SYSTEM_WRITE, Boolean.TRUE);
        try {
            write.run();
        } finally {
            if (previous == null) {
                session.removeAttribute(SYSTEM_WRITE);
            }
        }
    }

    static boolean inSystemWrite(KeycloakSession session) {
        return session.getAttribute(SYSTEM_WRITE) != null;
    }

    static void startImport(KeycloakSession session, String realmId) {
        session.setAttribute(IMPORTING, realmId);
    }

    static boolean importing(KeycloakSession session, String realmId) {
        return realmId.equals(session.getAttribute(IMPORTING));
    }

    static void endImport(KeycloakSession session) {
        session.removeAttribute(IMPORTING);
        session.removeAttribute(PENDING);
    }

    /** Client (internal) ids written during a realm import, validated once the import is complete. */
    static Set<String> pending(KeycloakSession session) {
        return set(session, PENDING);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> set(KeycloakSession session, String key) {
        Set<String> set = session.getAttribute(key, Set.class);
        if (set == null) {
            set = new HashSet<>();
            session.setAttribute(key, set);
        }
        return set;
    }
}
