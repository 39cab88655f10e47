package dev.integrationbroker.audit.trail;

import java.util.Optional;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

import dev.integrationbroker.audit.events.IntegrationAuditEventListenerProviderFactory;

/** Finds the listener factory that owns the shared pipeline (all factories are initialised before any postInit). */
final class AuditListenerLookup {

    private AuditListenerLookup() {
    }

    static Optional<IntegrationAuditEventListenerProviderFactory> find(KeycloakSessionFactory factory) {
        ProviderFactory<EventListenerProvider> listener = factory.getProviderFactory(EventListenerProvider.class,
                IntegrationAuditEventListenerProviderFactory.PROVIDER_ID);
        return listener instanceof IntegrationAuditEventListenerProviderFactory audit && audit.pipeline() != null
                ? Optional.of(audit) : Optional.empty();
    }
}
