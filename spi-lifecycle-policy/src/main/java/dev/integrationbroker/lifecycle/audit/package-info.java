/**
 * Audit SPIs the lifecycle, gate and admin API use, implemented by the spi-audit-export module:
 * {@code integration-audit-trail} (record, query, export, verify) and {@code integration-audit-backlog}
 * (whether the export keeps up, for fail-closed issuance).
 */
package dev.integrationbroker.lifecycle.audit;
