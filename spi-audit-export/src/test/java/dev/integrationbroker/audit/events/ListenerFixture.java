package dev.integrationbroker.audit.events;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.outbox.DeliveryStats;
import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.AuditRecordJson;
import dev.integrationbroker.audit.testing.FakeKeycloak;
import dev.integrationbroker.audit.testing.InMemorySnapshots;

/** A listener over fake Keycloak models that collects the records it appends. */
final class ListenerFixture {

    final FakeKeycloak keycloak = new FakeKeycloak();
    final InMemorySnapshots snapshots = new InMemorySnapshots();
    final List<AuditRecord> records = new ArrayList<>();
    final DeliveryStats stats = new DeliveryStats();

    IntegrationAuditEventListenerProvider listener(boolean failClosed) {
        AuditServices services = new AuditServices((session, realmId, record) -> {
            if (!FakeKeycloak.REALM_ID.equals(realmId)) {
                throw new AssertionError("record for unexpected realm " + realmId);
            }
            records.add(record);
        }, session -> snapshots, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        return new IntegrationAuditEventListenerProvider(keycloak.session, services, stats, failClosed);
    }

    IntegrationAuditEventListenerProvider listener() {
        return listener(false);
    }

    List<ObjectNode> json() {
        return records.stream().map(AuditRecordJson::toJson).toList();
    }

    ObjectNode only() {
        if (records.size() != 1) {
            throw new AssertionError("expected one record, got " + records.size() + ": " + json());
        }
        return json().get(0);
    }
}
