package dev.integrationbroker.audit.events;

import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.Json;

/**
 * Admin events of the trail: client {@code CREATE}/{@code UPDATE}/{@code DELETE} and secret changes of
 * integrations, {@code ACTION}s of the integrations API and of the lifecycle sweep ({@link AdminAction}), and
 * {@code UPDATE}s of the integration policy. The event's
 * representation is parsed for the few fields named here and never copied into a record. Admin changes are
 * recorded whatever the realm's policy mode: switching governance off is itself an auditable change.
 */
final class AdminEventAudit {

    private final ClientAudit clients;

    AdminEventAudit(ClientAudit clients) {
        this.clients = clients;
    }

    void handle(KeycloakSession session, AdminEvent event) {
        if (event.getError() != null || event.getOperationType() == null) {
            return; // a failed operation changed nothing
        }
        AdminPath path = AdminPath.parse(event.getResourcePath());
        if (path == null) {
            return;
        }
        RealmModel realm = event.getRealmId() == null ? null : session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        EventContext context = EventContext.of(event.getId(), event.getTime(), ActorNames.of(session, event.getAuthDetails()),
                event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress());
        OperationType operation = event.getOperationType();
        switch (path.kind()) {
            case CLIENT -> client(session, realm, event, path.id(), context);
            case CLIENT_SECRET -> {
                if (isClient(event) && (operation == OperationType.ACTION || operation == OperationType.DELETE)) {
                    clients.credentialChanged(session, realm, realm.getClientById(path.id()), operation == OperationType.DELETE, context);
                }
            }
            case INTEGRATIONS -> {
                if (operation == OperationType.ACTION) {
                    AdminAction.parse(event.getRepresentation()).ifPresent(action -> clients.action(session, realm, action, null, context));
                }
            }
            case POLICY -> {
                if (operation == OperationType.UPDATE && event.getResourceType() == ResourceType.REALM) {
                    policy(session, realm, event.getRepresentation(), context);
                }
            }
        }
    }

    private void client(KeycloakSession session, RealmModel realm, AdminEvent event, String id, EventContext context) {
        if (!isClient(event)) {
            return;
        }
        switch (event.getOperationType()) {
            case CREATE -> clients.created(session, realm, realm.getClientById(id), context);
            case UPDATE -> clients.updated(session, realm, realm.getClientById(id), context);
            case DELETE -> clients.deleted(session, realm, id, clientIdOf(event.getRepresentation()), context);
            case ACTION -> AdminAction.parse(event.getRepresentation()).ifPresent(action -> clients.action(session, realm, action, id, context));
            default -> {
                // other operations on a client path carry no metadata change
            }
        }
    }

    private void policy(KeycloakSession session, RealmModel realm, String representation, EventContext context) {
        try {
            ObjectNode policy = Json.parseObject(representation == null ? "" : representation);
            clients.policyChanged(session, realm, policy, context);
        } catch (IllegalArgumentException e) {
            // not the policy resource's representation: nothing to diff
        }
    }

    private static boolean isClient(AdminEvent event) {
        return event.getResourceType() == ResourceType.CLIENT;
    }

    private static String clientIdOf(String representation) {
        if (representation == null || representation.isBlank()) {
            return null;
        }
        try {
            return Json.parseObject(representation).path("clientId").textValue();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
