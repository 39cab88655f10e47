package dev.integrationbroker.lifecycle.spi;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link IntegrationLifecycleProvider}s. */
public interface IntegrationLifecycleProviderFactory extends ProviderFactory<IntegrationLifecycleProvider> {
}
