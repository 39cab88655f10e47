/**
 * Writing records for the auditor API (SPEC §5): a JSON array, JSON Lines, or CSV whose columns are the record's
 * fields flattened with dots. No SPI.
 */
package dev.integrationbroker.audit.export;
