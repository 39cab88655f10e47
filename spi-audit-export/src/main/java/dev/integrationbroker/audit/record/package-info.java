/**
 * The audit record of SPEC §5 and its JSON form: fields, record types, the integration block, details and the
 * helpers that keep secrets out (only SHA-256 of a {@code jti} is ever stored). No SPI.
 */
package dev.integrationbroker.audit.record;
