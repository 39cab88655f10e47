package dev.integrationbroker.audit.events;

import org.keycloak.models.KeycloakSession;

import dev.integrationbroker.audit.record.AuditRecord;

/** Where the listener puts records: the outbox, in the session's current transaction. */
@FunctionalInterface
public interface AuditAppender {

    void append(KeycloakSession session, String realmId, AuditRecord record);
}
