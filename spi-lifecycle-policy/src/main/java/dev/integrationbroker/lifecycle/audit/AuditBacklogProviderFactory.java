package dev.integrationbroker.lifecycle.audit;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link AuditBacklog}s. */
public interface AuditBacklogProviderFactory extends ProviderFactory<AuditBacklog> {
}
