package dev.integrationbroker.lifecycle.audit;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link AuditTrailProvider}s. */
public interface AuditTrailProviderFactory extends ProviderFactory<AuditTrailProvider> {
}
