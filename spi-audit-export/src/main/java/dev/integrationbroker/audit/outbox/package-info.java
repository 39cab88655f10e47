/**
 * The transactional outbox (SPEC §5 "no loss"). A record is inserted, unchained, in the transaction of the change it
 * describes; after commit (and every few seconds) a drain pass, on a Keycloak executor thread, links pending records
 * into their realm's hash chain and ships chained ones to the sink, marking them delivered. Rows are kept after
 * delivery: they are the auditor's trail.
 *
 * <p>Sequence numbers are given out by the drain, not by the request: it locks the realm's chain-head row
 * ({@code SELECT ... FOR UPDATE}), so chaining is serial per realm across threads and nodes sharing the database,
 * while token requests only insert and never wait on that lock. The price is that {@code seq} follows commit order
 * as the drain sees it (not exactly event time) and a record is exported once chained, normally well under a second
 * after its commit. No SPI.
 */
package dev.integrationbroker.audit.outbox;
