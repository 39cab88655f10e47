package dev.integrationbroker.lifecycle.events;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link OwnerAdminEvents} for every realm (a global listener: nothing to enable per realm; it acts
 * only where the realm's lifecycle policy enforces).
 */
public final class OwnerAdminEventsFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "integration-owner-watch";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new OwnerAdminEvents(session);
    }

    @Override
    public void init(Config.Scope config) {
        // no options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }
}
