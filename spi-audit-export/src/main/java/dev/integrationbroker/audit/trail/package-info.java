/**
 * Providers {@code integration-audit-trail/default} and {@code integration-audit-backlog/default}: the project's
 * audit SPIs over the outbox and the listener's shared pipeline. Without the {@code integration-audit} listener
 * (disabled), the backlog always accepts and {@code record} writes nothing.
 */
package dev.integrationbroker.audit.trail;
