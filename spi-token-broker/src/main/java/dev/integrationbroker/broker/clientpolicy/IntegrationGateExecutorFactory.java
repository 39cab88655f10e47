package dev.integrationbroker.broker.clientpolicy;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * Provider {@value #PROVIDER_ID}: the issuance gate (SPEC §3.2). On start it installs the gate's client
 * profile and policy in every realm, and in every realm created or imported later.
 */
public final class IntegrationGateExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "integration-gate";

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new IntegrationGateExecutor(session);
    }

    @Override
    public void init(Config.Scope config) {
        // no options
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new GatePolicyInstaller(factory));
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
    public String getHelpText() {
        return "Integration Broker issuance gate: refuses tokens to integrations whose review lapsed, that expired, "
                + "lost an owner or are suspended, and caps token lifetimes.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
