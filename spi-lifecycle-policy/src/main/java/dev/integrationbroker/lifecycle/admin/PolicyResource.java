package dev.integrationbroker.lifecycle.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.integrationbroker.lifecycle.policy.PolicyValidationException;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyJson;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;

/** The realm policy (SPEC §2.1): readable with view-realm, writable with manage-realm. */
public final class PolicyResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    PolicyResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        if (!auth.realm().canViewRealm()) {
            auth.clients().requireView();
        }
        return Response.ok(RealmPolicyJson.toText(RealmPolicyStore.read(realm)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Applies the keys present in the body; absent keys keep their value. Invalid input changes nothing. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(String body) {
        auth.realm().requireManageRealm();
        RealmPolicy updated;
        try {
            updated = RealmPolicyJson.merge(RealmPolicyStore.read(realm), RealmPolicyJson.parse(body == null ? "" : body, "policy"));
        } catch (PolicyValidationException e) {
            throw new ErrorResponseException("invalid_request", e.getMessage(), Response.Status.BAD_REQUEST);
        }
        RealmPolicyStore.write(realm, updated);
        String json = RealmPolicyJson.toText(updated);
        adminEvent.operation(OperationType.UPDATE)
                .resource(ResourceType.REALM)
                .resourcePath(session.getContext().getUri())
                .representation(RealmPolicyJson.toJson(updated))
                .success();
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
