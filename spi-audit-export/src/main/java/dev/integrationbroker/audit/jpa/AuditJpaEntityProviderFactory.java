package dev.integrationbroker.audit.jpa;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Provider {@code jpa-entity-provider/}{@value #PROVIDER_ID}. Keycloak tracks the changelog in table
 * {@code DATABASECHANGELOG_} + the first ten letters of this id ({@code DATABASECHANGELOG_IB_AUDIT_O}): the id is
 * chosen so no other provider of the project shares that table.
 */
public final class AuditJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "ib-audit-outbox";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new AuditJpaEntityProvider();
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
        // nothing held
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
