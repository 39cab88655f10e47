package dev.integrationbroker.lifecycle.clientregistration;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.clientregistration.ClientRegistrationProvider;
import org.keycloak.services.clientregistration.ClientRegistrationProviderFactory;

/** Provider {@value #PROVIDER_ID}: dynamic registration of integrations with their metadata (SPEC §1). */
public final class IntegrationClientRegistrationProviderFactory implements ClientRegistrationProviderFactory {

    public static final String PROVIDER_ID = "integration";

    @Override
    public ClientRegistrationProvider create(KeycloakSession session) {
        return new IntegrationClientRegistrationProvider(session);
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
