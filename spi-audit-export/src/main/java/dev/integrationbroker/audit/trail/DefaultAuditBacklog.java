package dev.integrationbroker.audit.trail;

import org.keycloak.models.RealmModel;

import dev.integrationbroker.audit.outbox.BacklogMonitor;
import dev.integrationbroker.lifecycle.audit.AuditBacklog;

/** The backlog bound as last counted by this node's drain: answers from memory. */
public final class DefaultAuditBacklog implements AuditBacklog {

    private final BacklogMonitor monitor;

    DefaultAuditBacklog(BacklogMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public boolean accepting(RealmModel realm) {
        // one outbox and one sink serve every realm, so the bound is server-wide
        return monitor == null || monitor.accepting();
    }

    @Override
    public void close() {
        // nothing held per session
    }
}
