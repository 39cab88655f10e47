package dev.integrationbroker.audit.outbox;

import java.util.function.Function;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.AuditRecordJson;
import dev.integrationbroker.audit.record.Json;

/**
 * Appends records to the outbox in the session's current transaction, and asks for a drain pass once that
 * transaction has committed (one request per transaction, however many records it wrote).
 */
public final class OutboxWriter {

    private static final String DRAIN_ENLISTED = "integration-audit.drain-enlisted";

    private final Function<KeycloakSession, OutboxRepository> repositories;
    private final DrainLoop drain;

    public OutboxWriter(Function<KeycloakSession, OutboxRepository> repositories, DrainLoop drain) {
        this.repositories = repositories;
        this.drain = drain;
    }

    /** Inserts the record, unchained; it becomes durable when (and only if) the session's transaction commits. */
    public void append(KeycloakSession session, String realmId, AuditRecord record) {
        repositories.apply(session).append(new OutboxRecord(record.id(), realmId, null, record.time().toEpochMilli(),
                record.type(), record.outcome().wire(), record.clientId(), Json.write(AuditRecordJson.toJson(record))));
        if (session.getAttribute(DRAIN_ENLISTED) == null) {
            session.setAttribute(DRAIN_ENLISTED, Boolean.TRUE);
            session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    drain.request();
                }

                @Override
                protected void rollbackImpl() {
                    // nothing was written
                }
            });
        }
    }
}
