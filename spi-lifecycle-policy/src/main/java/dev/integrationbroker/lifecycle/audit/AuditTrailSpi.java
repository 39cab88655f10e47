package dev.integrationbroker.lifecycle.audit;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI {@value #NAME}: appending to, querying and verifying a realm's audit trail. */
public final class AuditTrailSpi implements Spi {

    public static final String NAME = "integration-audit-trail";

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
        return AuditTrailProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return AuditTrailProviderFactory.class;
    }
}
