package dev.integrationbroker.lifecycle.audit;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI {@value #NAME}: the audit backlog as seen by the issuance gate. */
public final class AuditBacklogSpi implements Spi {

    public static final String NAME = "integration-audit-backlog";

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
        return AuditBacklog.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return AuditBacklogProviderFactory.class;
    }
}
