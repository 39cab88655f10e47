/**
 * Sink formats (option {@code format}): {@code json}, the record as is, and {@code ocsf}, an OCSF 1.3 event of
 * class Authentication (3002) for token records and Account Change (3001) for the others, with the original record
 * under {@code unmapped}. No SPI.
 */
package dev.integrationbroker.audit.format;
