package dev.integrationbroker.audit.jpa;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the outbox entities to Keycloak's persistence unit and names their Liquibase changelog. */
public final class AuditJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/ib-audit-outbox-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(AuditRecordEntity.class, AuditChainHeadEntity.class, AuditSnapshotEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return AuditJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
        // nothing held
    }
}
