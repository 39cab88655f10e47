package dev.integrationbroker.lifecycle.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The project's own SPI {@value #NAME}: lifecycle sweep, last-used tracking and metadata write hooks (SPEC §4, §6). */
public final class IntegrationLifecycleSpi implements Spi {

    public static final String NAME = "integration-lifecycle";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return IntegrationLifecycleProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return IntegrationLifecycleProviderFactory.class;
    }
}
