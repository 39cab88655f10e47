package dev.integrationbroker.audit.events;

import java.time.Clock;
import java.util.function.Function;

import org.keycloak.models.KeycloakSession;

import dev.integrationbroker.audit.jpa.SnapshotStore;

/**
 * What the listener writes to, per session: the outbox and the metadata snapshots.
 *
 * @param clock for snapshot times
 */
public record AuditServices(AuditAppender appender, Function<KeycloakSession, SnapshotStore> snapshots, Clock clock) {
}
