package dev.integrationbroker.lifecycle.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Serves the integrations admin API at {@code /admin/realms/{realm}/integrations} (SPEC §2). */
public final class IntegrationsResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "integrations";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new IntegrationsResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
        // no options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to start
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
