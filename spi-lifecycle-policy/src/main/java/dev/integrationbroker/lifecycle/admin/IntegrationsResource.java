package dev.integrationbroker.lifecycle.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.lifecycle.actions.IntegrationActions;
import dev.integrationbroker.lifecycle.inventory.InventoryFilter;
import dev.integrationbroker.lifecycle.inventory.InventoryItem;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;
import dev.integrationbroker.lifecycle.scheduled.LifecycleSweep;
import dev.integrationbroker.lifecycle.scheduled.SweepLease;

/** Root of {@code /admin/realms/{realm}/integrations} (SPEC §2): inventory, kill switch, and the sub-resources. */
public final class IntegrationsResource {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    IntegrationsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.CLIENT);
    }

    /** The inventory: JSON pages, or every match as CSV ({@code Accept: text/csv} or {@code ?format=csv}). */
    @GET
    @Produces({MediaType.APPLICATION_JSON, InventoryResource.CSV})
    public Response list(@QueryParam("first") Integer first, @QueryParam("max") Integer max,
            @QueryParam("status") String status, @QueryParam("owner") String owner, @QueryParam("vendor") String vendor,
            @QueryParam("q") String q, @QueryParam("review-before") String reviewBefore, @QueryParam("unused-since") String unusedSince,
            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        auth.clients().requireList();
        InventoryFilter filter;
        try {
            filter = InventoryFilter.parse(status, owner, vendor, q, reviewBefore, unusedSince);
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
        return new InventoryResource(session, realm, auth).integrations(filter, first, max, wantsCsv(format, accept));
    }

    /** Service-account clients without integration metadata (discovery). */
    @GET
    @Path("unregistered")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unregistered() {
        auth.clients().requireList();
        return new InventoryResource(session, realm, auth).unregistered();
    }

    /** The kill switch: suspends every integration of a vendor in one call. */
    @POST
    @Path("suspend")
    @Produces(MediaType.APPLICATION_JSON)
    public Response killSwitch(String body) {
        auth.clients().requireManage();
        JsonNode json = AdminErrors.objectBody(body);
        String vendor = AdminErrors.text(json, "vendor", 64);
        if (vendor == null || !vendor.matches("[a-z0-9-]{1,64}")) {
            throw AdminErrors.badRequest("vendor: required, must match [a-z0-9-]{1,64}");
        }
        RealmPolicy policy = RealmPolicyStore.read(realm);
        Instant now = Instant.now();
        List<ClientModel> suspended = new IntegrationActions(session, realm, policy, now).suspendVendor(vendor);
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode items = result.putArray("suspended");
        suspended.forEach(client -> items.add(InventoryItem.integration(client, policy, now)));
        ObjectNode event = MAPPER.createObjectNode().put("action", "kill-switch").put("vendor", vendor);
        event.set("suspended", MAPPER.valueToTree(suspended.stream().map(ClientModel::getClientId).toList()));
        adminEvent.operation(OperationType.ACTION).resourcePath(session.getContext().getUri()).representation(event).success();
        return Response.ok(result.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Runs the lifecycle sweep of this realm now and lists its transitions (SPEC §2.3). */
    @POST
    @Path("sweep")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sweep() {
        auth.realm().requireManageRealm();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        SweepLease lease = SweepLease.acquire(factory)
                .orElseThrow(() -> AdminErrors.conflict("a lifecycle sweep is already running in this cluster; try again when it has finished"));
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode transitions = result.putArray("transitions");
        try (lease) {
            new LifecycleSweep(factory, lease::renewIfDue).sweepRealm(realm.getId(), report -> {
                ObjectNode item = transitions.addObject().put("clientId", report.clientId()).put("from", report.from()).put("to", report.to());
                if (report.reason() == null) {
                    item.putNull("reason");
                } else {
                    item.put("reason", report.reason());
                }
            });
        } catch (SweepLease.LeaseLost e) {
            throw AdminErrors.conflict("the sweep stalled and another sweep took over; the transitions it made are kept "
                    + "and audited: run it again to see the rest");
        }
        return Response.ok(result.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** {@code GET .../integrations/audit} and {@code .../audit/verify} (auditors: view-events). */
    @Path("audit")
    public AuditResource audit() {
        return new AuditResource(session, realm, auth);
    }

    /** {@code GET|PUT .../integrations/policy}. */
    @Path("policy")
    public PolicyResource policy() {
        return new PolicyResource(session, realm, auth, adminEvent);
    }

    /** Actions on one integration, by its OAuth client_id. */
    @Path("{clientId}")
    public IntegrationResource integration(@PathParam("clientId") String clientId) {
        return new IntegrationResource(session, realm, auth, adminEvent, clientId);
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            if ("csv".equalsIgnoreCase(format)) {
                return true;
            }
            if (!"json".equalsIgnoreCase(format)) {
                throw AdminErrors.badRequest("format: must be json or csv");
            }
            return false;
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(InventoryResource.CSV)
                && !accept.toLowerCase(Locale.ROOT).contains(MediaType.APPLICATION_JSON);
    }
}
