/**
 * Keycloak SPI {@code jpa-entity-provider}, provider id {@value
 * dev.integrationbroker.audit.jpa.AuditJpaEntityProviderFactory#PROVIDER_ID}: the outbox tables in Keycloak's own
 * database ({@code IB_AUDIT_RECORD}, {@code IB_AUDIT_CHAIN}, {@code IB_AUDIT_SNAPSHOT}), created by the Liquibase
 * changelog {@code META-INF/ib-audit-outbox-changelog.xml} (tracked in {@code DATABASECHANGELOG_IB_AUDIT_O}), and
 * the JPA code that reads and writes them. The entities are found from this jar at build time: no
 * {@code persistence.xml}.
 */
package dev.integrationbroker.audit.jpa;
