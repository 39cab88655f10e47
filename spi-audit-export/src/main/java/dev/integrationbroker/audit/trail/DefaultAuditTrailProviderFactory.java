package dev.integrationbroker.audit.trail;

import java.time.Clock;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import dev.integrationbroker.audit.events.AuditAppender;
import dev.integrationbroker.audit.jpa.JpaOutboxRepository;
import dev.integrationbroker.lifecycle.audit.AuditTrailProvider;
import dev.integrationbroker.lifecycle.audit.AuditTrailProviderFactory;

/** Provider {@code integration-audit-trail/}{@value #PROVIDER_ID}. */
public final class DefaultAuditTrailProviderFactory implements AuditTrailProviderFactory {

    public static final String PROVIDER_ID = "default";

    private AuditAppender appender;

    @Override
    public AuditTrailProvider create(KeycloakSession session) {
        return new DefaultAuditTrailProvider(session, JpaOutboxRepository.of(session), appender, Clock.systemUTC());
    }

    @Override
    public void init(Config.Scope config) {
        // no options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        appender = AuditListenerLookup.find(factory).map(listener -> listener.services().appender()).orElse(null);
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
