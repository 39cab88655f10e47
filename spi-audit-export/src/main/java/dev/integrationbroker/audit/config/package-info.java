/**
 * Server options of {@code events-listener/integration-audit} (SPEC §6), read once at start into
 * {@link dev.integrationbroker.audit.config.AuditConfig} and validated; a bad value stops the server with a message
 * naming the option and the value. No SPI.
 */
package dev.integrationbroker.audit.config;
