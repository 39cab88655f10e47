package dev.integrationbroker.audit.trail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import dev.integrationbroker.audit.record.AttributeChange;
import dev.integrationbroker.audit.record.AuditDetails;
import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.IntegrationView;
import dev.integrationbroker.audit.record.Outcome;
import dev.integrationbroker.audit.record.SafeText;
import dev.integrationbroker.lifecycle.audit.AuditEntry;
import dev.integrationbroker.lifecycle.model.Integration;

/** A record from an {@link AuditEntry}: a fresh id, the integration block read from the client now. */
final class EntryRecords {

    private EntryRecords() {
    }

    static AuditRecord of(RealmModel realm, ClientModel client, AuditEntry entry, Instant now) {
        Map<String, AttributeChange> changes = new LinkedHashMap<>();
        entry.changes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(change -> changes.put(change.getKey(), AttributeChange.ofText(change.getValue().oldValue(), change.getValue().newValue())));
        AuditDetails details = AuditDetails.builder()
                .reason(SafeText.of(entry.reason(), 200))
                .note(SafeText.of(entry.note(), 500))
                .changes(changes)
                .build();
        IntegrationView view = client != null && Integration.isIntegration(client) ? IntegrationView.of(Integration.of(client)) : null;
        return new AuditRecord(UUID.randomUUID().toString(), now, realm.getName(), entry.type(),
                entry.success() ? Outcome.SUCCESS : Outcome.FAILURE, client == null ? null : client.getClientId(), view,
                SafeText.of(entry.actor(), 255), null, details);
    }
}
