package dev.integrationbroker.audit.trail;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import dev.integrationbroker.audit.outbox.BacklogMonitor;
import dev.integrationbroker.lifecycle.audit.AuditBacklog;
import dev.integrationbroker.lifecycle.audit.AuditBacklogProviderFactory;

/** Provider {@code integration-audit-backlog/}{@value #PROVIDER_ID}. */
public final class DefaultAuditBacklogProviderFactory implements AuditBacklogProviderFactory {

    public static final String PROVIDER_ID = "default";

    private BacklogMonitor monitor;

    @Override
    public AuditBacklog create(KeycloakSession session) {
        return new DefaultAuditBacklog(monitor);
    }

    @Override
    public void init(Config.Scope config) {
        // no options: the bound is the listener's max-backlog and fail-closed
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        monitor = AuditListenerLookup.find(factory).map(listener -> listener.pipeline().backlog()).orElse(null);
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
