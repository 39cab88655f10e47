package dev.integrationbroker.broker.tokenexchange;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.TokenExchangeProvider;
import org.keycloak.protocol.oidc.TokenExchangeProviderFactory;

/**
 * Provider {@value #PROVIDER_ID}. Its {@link #order()} is above Keycloak's standard exchange (10), so it is
 * asked first; it claims only requests from integrations in governed realms.
 */
public final class IntegrationTokenExchangeProviderFactory implements TokenExchangeProviderFactory {

    public static final String PROVIDER_ID = "integration-broker";
    static final int ORDER = 100;

    @Override
    public TokenExchangeProvider create(KeycloakSession session) {
        return new IntegrationTokenExchangeProvider(session);
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

    @Override
    public int order() {
        return ORDER;
    }
}
