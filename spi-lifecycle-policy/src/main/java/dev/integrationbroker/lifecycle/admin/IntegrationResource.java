package dev.integrationbroker.lifecycle.admin;

import dev.integrationbroker.lifecycle.model.Echo;
import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.lifecycle.actions.ActionRefused;
import dev.integrationbroker.lifecycle.actions.IntegrationActions;
import dev.integrationbroker.lifecycle.inventory.InventoryItem;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.SuspendedReason;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;

/** {@code .../integrations/{clientId}}: one integration's inventory object and the SPEC §2.3 actions on it. */
public final class IntegrationResource {

    static final int MAX_NOTE = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final String clientId;

    IntegrationResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent, String clientId) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.clientId = clientId;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        ClientModel client = integration(false);
        return ok(client, RealmPolicyStore.read(realm), Instant.now());
    }

    @POST
    @Path("attest")
    @Produces(MediaType.APPLICATION_JSON)
    public Response attest(String body) {
        ClientModel client = integration(true);
        JsonNode json = AdminErrors.objectBody(body);
        String note = AdminErrors.text(json, "note", MAX_NOTE);
        Integer interval = null;
        if (json.hasNonNull("reviewIntervalDays")) {
            JsonNode value = json.get("reviewIntervalDays");
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw AdminErrors.badRequest("reviewIntervalDays: must be a whole number of days");
            }
            interval = value.asInt();
        }
        Integer days = interval;
        return act(client, "attest", note, (actions, actor) -> actions.attest(client, actor, days));
    }

    @POST
    @Path("suspend")
    @Produces(MediaType.APPLICATION_JSON)
    public Response suspend(String body) {
        ClientModel client = integration(true);
        JsonNode json = AdminErrors.objectBody(body);
        String reason = AdminErrors.text(json, "reason", 32);
        if (reason != null && !SuspendedReason.MANUAL.wire().equals(reason)) {
            throw AdminErrors.badRequest("reason: must be manual (the other reasons are set by the system or the kill switch)");
        }
        return act(client, "suspend", AdminErrors.text(json, "note", MAX_NOTE), (actions, actor) -> actions.suspend(client, SuspendedReason.MANUAL));
    }

    @POST
    @Path("reactivate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reactivate(String body) {
        ClientModel client = integration(true);
        String note = AdminErrors.text(AdminErrors.objectBody(body), "note", MAX_NOTE);
        return act(client, "reactivate", note, (actions, actor) -> actions.reactivate(client, actor));
    }

    @POST
    @Path("revoke-tokens")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revokeTokens() {
        ClientModel client = integration(true);
        return act(client, "revoke-tokens", null, (actions, actor) -> actions.revokeTokens(client));
    }

    private interface Action {
        void run(IntegrationActions actions, String actor);
    }

    private Response act(ClientModel client, String name, String note, Action action) {
        RealmPolicy policy = RealmPolicyStore.read(realm);
        Instant now = Instant.now();
        String actor = auth.adminAuth().getUser().getUsername();
        try {
            action.run(new IntegrationActions(session, realm, policy, now), actor);
        } catch (ActionRefused e) {
            throw AdminErrors.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
        ObjectNode event = MAPPER.createObjectNode().put("action", name).put("clientId", client.getClientId());
        if (note != null) {
            event.put("note", note);
        }
        adminEvent.operation(OperationType.ACTION).resourcePath(session.getContext().getUri()).representation(event).success();
        return ok(client, policy, now);
    }

    private Response ok(ClientModel client, RealmPolicy policy, Instant now) {
        return Response.ok(InventoryItem.integration(client, policy, now).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The integration, after the permission check; 404 only for callers allowed to know. */
    private ClientModel integration(boolean manage) {
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || !Integration.isIntegration(client)) {
            auth.clients().requireList();
            throw AdminErrors.notFound("no integration with clientId '" + Echo.of(clientId) + "' in this realm");
        }
        if (manage) {
            auth.clients().requireManage(client);
        } else {
            auth.clients().requireView(client);
        }
        return client;
    }

}
