/**
 * Audit export (SPEC §5): the global event listener {@code events-listener/integration-audit} turns token
 * issuance, refusals, admin changes and lifecycle events of integrations into hash-chained audit records, kept in
 * a transactional outbox in the Keycloak database and shipped at least once to a file or webhook sink.
 *
 * <p>Sub-packages: {@code events} (the listener), {@code jpa} (outbox entities, {@code jpa-entity-provider/ib-audit-outbox}),
 * {@code spi} and {@code trail} (the project SPIs {@code integration-audit-trail} and {@code integration-audit-backlog}),
 * {@code record}, {@code chain}, {@code outbox}, {@code sink}, {@code format}, {@code export} and {@code config}.
 */
package dev.integrationbroker.audit;
