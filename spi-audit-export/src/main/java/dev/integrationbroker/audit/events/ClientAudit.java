package dev.integrationbroker.audit.events;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.BUSINESS_OWNER;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.jpa.MetadataSnapshots;
import dev.integrationbroker.audit.jpa.SnapshotStore;
import dev.integrationbroker.audit.record.AttributeChange;
import dev.integrationbroker.audit.record.AuditDetails;
import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.IntegrationView;
import dev.integrationbroker.audit.record.Outcome;
import dev.integrationbroker.audit.record.RecordTypes;
import dev.integrationbroker.audit.record.SafeText;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationAttributes;

/**
 * Records of changes to integrations: registration, updates with their metadata diff, deletion, secret changes, the
 * integrations API actions and the lifecycle sweep's transitions and reminders.
 *
 * <p>Old values: Keycloak announces an update only after it is applied (the admin event carries the new
 * representation, {@code ClientUpdatedEvent} fires after the writes), so the "old" side comes from the last audited
 * metadata, a snapshot kept in the outbox's database in the same transaction as each record ({@code
 * IB_AUDIT_SNAPSHOT}), unless a {@link ClientPreImage} was left in the session. An integration changed before the
 * module first saw it has no snapshot: its first change record lists the current values with old {@code null} and
 * says so in {@code details.reason}.
 */
final class ClientAudit {

    static final int MAX_NOTE = 500;

    private final AuditServices services;

    ClientAudit(AuditServices services) {
        this.services = services;
    }

    void created(KeycloakSession session, RealmModel realm, ClientModel client, EventContext context) {
        if (client == null || !Integration.isIntegration(client)) {
            return;
        }
        ObjectNode after = MetadataDiff.adminAttributes(client.getAttributes());
        Map<String, AttributeChange> changes = MetadataDiff.diff(JsonNodeFactory.instance.objectNode(), after);
        append(session, realm, context, RecordTypes.INTEGRATION_REGISTERED, client.getClientId(), view(client),
                AuditDetails.builder().changes(changes).build());
        snapshots(session).put(realm.getId(), client.getId(), after, services.clock().millis());
    }

    void updated(KeycloakSession session, RealmModel realm, ClientModel client, EventContext context) {
        if (client == null) {
            return;
        }
        boolean integration = Integration.isIntegration(client);
        SnapshotStore snapshots = snapshots(session);
        Optional<ObjectNode> before = ClientPreImage.read(session, client.getId()).or(() -> snapshots.get(client.getId()));
        if (!integration && before.map(b -> !b.hasNonNull(BUSINESS_OWNER)).orElse(true)) {
            return; // neither now nor before an integration
        }
        ObjectNode after = MetadataDiff.adminAttributes(client.getAttributes());
        IntegrationView view = integration ? view(client) : formerView(client, before.orElseThrow());
        append(session, realm, context, RecordTypes.INTEGRATION_CHANGED, client.getClientId(), view, AuditDetails.builder()
                .changes(MetadataDiff.diff(before.orElse(null), after))
                .reason(before.isPresent() ? null : MetadataDiff.UNKNOWN_BEFORE).build());
        if (integration) {
            snapshots.put(realm.getId(), client.getId(), after, services.clock().millis());
        } else {
            snapshots.remove(client.getId());
        }
    }

    void deleted(KeycloakSession session, RealmModel realm, String id, String clientId, EventContext context) {
        SnapshotStore snapshots = snapshots(session);
        Optional<RemovalListener.RemovedClient> removed = RemovalListener.find(session, id, clientId);
        Optional<Integration> was = removed.map(r -> new Integration(r.clientId(), r.attributes()))
                .or(() -> id == null || clientId == null ? Optional.empty()
                        : snapshots.get(id).map(s -> new Integration(clientId, MetadataDiff.toAttributes(s))));
        if (was.isEmpty() || was.get().businessOwner() == null) {
            return;
        }
        append(session, realm, context, RecordTypes.INTEGRATION_DELETED, was.get().clientId(), IntegrationView.of(was.get()), AuditDetails.NONE);
        String subject = removed.map(RemovalListener.RemovedClient::id).orElse(id);
        if (subject != null) {
            snapshots.remove(subject);
        }
    }

    void credentialChanged(KeycloakSession session, RealmModel realm, ClientModel client, boolean rotatedRemoved, EventContext context) {
        if (client == null || !Integration.isIntegration(client)) {
            return;
        }
        append(session, realm, context, RecordTypes.INTEGRATION_CREDENTIAL_CHANGED, client.getClientId(), view(client),
                AuditDetails.builder().reason(rotatedRemoved ? "rotated secret removed" : "secret regenerated").build());
    }

    /**
     * An action: one record, or one per integration the kill switch suspended. A lifecycle transition records the
     * status change; an integration the sweep deleted is described as it was just before.
     *
     * @param clientUuid the client's internal id when the event's path names it, else null
     */
    void action(KeycloakSession session, RealmModel realm, AdminAction action, String clientUuid, EventContext context) {
        Optional<String> type = action.recordType();
        if (type.isEmpty()) {
            return;
        }
        if (RecordTypes.INTEGRATION_KILL_SWITCH.equals(type.get())) {
            killSwitch(session, realm, action, context);
            return;
        }
        ClientModel client = subject(realm, clientUuid, action.clientId());
        AuditDetails.Builder details = AuditDetails.builder().note(SafeText.of(action.note(), MAX_NOTE)).reason(reason(type.get(), action));
        if (action.lifecycle()) {
            details.changes(Map.of(IntegrationAttributes.STATUS, AttributeChange.ofText(action.from(), action.statusAfter())));
            if (action.deletion() && clientUuid != null) {
                snapshots(session).remove(clientUuid);
            }
        } else if (client != null && Integration.isIntegration(client)) {
            // an attestation may set the review interval: keep the diff and the snapshot current
            SnapshotStore snapshots = snapshots(session);
            ObjectNode after = MetadataDiff.adminAttributes(client.getAttributes());
            snapshots.get(client.getId()).ifPresent(before -> details.changes(MetadataDiff.diff(before, after)));
            snapshots.put(realm.getId(), client.getId(), after, services.clock().millis());
        }
        IntegrationView view = client != null ? viewIfIntegration(client)
                : RemovalListener.find(session, clientUuid, action.clientId())
                        .map(removed -> IntegrationView.of(new Integration(removed.clientId(), removed.attributes()))).orElse(null);
        append(session, realm, context, type.get(), action.clientId(), view, details.build());
    }

    /**
     * The client an action names. By internal id where the event's path gives one (the sweep's and the e-mails'
     * events): inside the writing transaction that is a lookup in the persistence context, while a lookup by
     * clientId is a query, which first flushes the transaction's pending writes (a third of a sweep step's time).
     */
    private static ClientModel subject(RealmModel realm, String clientUuid, String clientId) {
        if (clientId == null) {
            return null;
        }
        if (clientUuid != null) {
            ClientModel byId = realm.getClientById(clientUuid);
            if (byId == null || clientId.equals(byId.getClientId())) {
                return byId; // null: the sweep has just deleted it
            }
        }
        return realm.getClientByClientId(clientId);
    }

    private static String reason(String type, AdminAction action) {
        if (action.lifecycle()) {
            return SafeText.of(action.reason(), 64);
        }
        return RecordTypes.INTEGRATION_SUSPENDED.equals(type) ? "manual" : null;
    }

    private void killSwitch(KeycloakSession session, RealmModel realm, AdminAction action, EventContext context) {
        String vendor = SafeText.of(action.vendor(), 64);
        if (action.suspended().isEmpty()) {
            append(session, realm, context, RecordTypes.INTEGRATION_KILL_SWITCH, null, null, AuditDetails.builder()
                    .reason("kill-switch").note("vendor " + vendor + ": no active integration to suspend").build());
            return;
        }
        for (String clientId : action.suspended()) {
            ClientModel client = realm.getClientByClientId(clientId);
            // one record per integration, each with its own stable id derived from the event's
            String id = UUID.nameUUIDFromBytes((context.id() + "/" + clientId).getBytes(StandardCharsets.UTF_8)).toString();
            EventContext perClient = new EventContext(id, context.time(), context.actor(), context.ip());
            append(session, realm, perClient, RecordTypes.INTEGRATION_KILL_SWITCH, clientId, client == null ? null : viewIfIntegration(client),
                    AuditDetails.builder().reason("kill-switch").note("vendor " + vendor).build());
        }
    }

    /** A change to the realm's integration policy, diffed against the last audited policy. */
    void policyChanged(KeycloakSession session, RealmModel realm, ObjectNode policy, EventContext context) {
        SnapshotStore snapshots = snapshots(session);
        String subject = MetadataSnapshots.policySubject(realm.getId());
        Optional<ObjectNode> before = snapshots.get(subject);
        append(session, realm, context, RecordTypes.POLICY_CHANGED, null, null, AuditDetails.builder()
                .changes(MetadataDiff.diff(before.orElse(null), policy))
                .reason(before.isPresent() ? null : MetadataDiff.UNKNOWN_BEFORE).build());
        snapshots.put(realm.getId(), subject, policy, services.clock().millis());
    }

    private void append(KeycloakSession session, RealmModel realm, EventContext context, String type, String clientId,
            IntegrationView view, AuditDetails details) {
        services.appender().append(session, realm.getId(), new AuditRecord(context.id(), context.time(), realm.getName(), type,
                Outcome.SUCCESS, clientId, view, context.actor(), context.ip(), details));
    }

    private SnapshotStore snapshots(KeycloakSession session) {
        return services.snapshots().apply(session);
    }

    private static IntegrationView view(ClientModel client) {
        return IntegrationView.of(Integration.of(client));
    }

    /** An integration whose owner was just removed: its metadata as audited before, its system state as it is now. */
    private static IntegrationView formerView(ClientModel client, ObjectNode before) {
        Map<String, String> attributes = new HashMap<>(client.getAttributes());
        attributes.putAll(MetadataDiff.toAttributes(before));
        return IntegrationView.of(new Integration(client.getClientId(), attributes));
    }

    private static IntegrationView viewIfIntegration(ClientModel client) {
        return Integration.isIntegration(client) ? view(client) : null;
    }
}
