package dev.integrationbroker.audit.events;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

import dev.integrationbroker.audit.outbox.DeliveryStats;

/**
 * Listener {@code integration-audit} for one session. Runs inside the event's transaction: success events in the
 * request's own (a rolled-back change leaves no record), {@code *_ERROR} events in the separate transaction Keycloak
 * commits for them. A record that cannot be built is logged and counted; with {@code fail-closed} the transaction is
 * also marked rollback-only, so the change it describes does not commit unaudited.
 */
public final class IntegrationAuditEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(IntegrationAuditEventListenerProvider.class);

    private final KeycloakSession session;
    private final UserEventAudit userEvents;
    private final AdminEventAudit adminEvents;
    private final DeliveryStats stats;
    private final boolean failClosed;

    IntegrationAuditEventListenerProvider(KeycloakSession session, AuditServices services, DeliveryStats stats, boolean failClosed) {
        this.session = session;
        ClientAudit clients = new ClientAudit(services);
        this.userEvents = new UserEventAudit(services.appender(), clients);
        this.adminEvents = new AdminEventAudit(clients);
        this.stats = stats;
        this.failClosed = failClosed;
    }

    @Override
    public void onEvent(Event event) {
        try {
            userEvents.handle(session, event);
        } catch (RuntimeException e) {
            failed("event " + event.getType() + " " + event.getId(), e);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // the representation is parsed for a few named fields and never copied, whatever includeRepresentation says
        try {
            adminEvents.handle(session, event);
        } catch (RuntimeException e) {
            failed("admin event " + event.getOperationType() + " " + event.getId(), e);
        }
    }

    @Override
    public void close() {
        // nothing held per session
    }

    private void failed(String what, RuntimeException e) {
        stats.recordFailed(what + ": " + e.getClass().getSimpleName());
        LOG.errorf(e, "integration-audit: no audit record for %s", what);
        if (failClosed) {
            session.getTransactionManager().setRollbackOnly();
        }
    }
}
