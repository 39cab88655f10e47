package dev.integrationbroker.lifecycle.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.integrationbroker.lifecycle.audit.AuditExportFormat;
import dev.integrationbroker.lifecycle.audit.AuditQuery;
import dev.integrationbroker.lifecycle.audit.AuditTrailProvider;
import dev.integrationbroker.lifecycle.model.Rfc3339;

/** The auditor API (SPEC §5): the realm's audit trail as JSON, JSON Lines or CSV, and its verification. Needs view-events. */
public final class AuditResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    AuditResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/x-ndjson", "text/csv"})
    public Response records(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("clientId") String clientId,
            @QueryParam("type") String type, @QueryParam("outcome") String outcome, @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        auth.realm().requireViewEvents();
        AuditTrailProvider trail = trail();
        AuditQuery query;
        try {
            query = new AuditQuery(instant("from", from), instant("to", to), clientId, type, outcome, 0, 0);
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
        AuditExportFormat chosen = format(format, accept);
        StreamingOutput body = out -> trail.export(realm, query, chosen, out);
        Response.ResponseBuilder response = Response.ok(body, chosen.mediaType() + "; charset=utf-8");
        if (chosen != AuditExportFormat.JSON) {
            String extension = chosen == AuditExportFormat.CSV ? "csv" : "jsonl";
            response.header("Content-Disposition", "attachment; filename=\"audit-" + realm.getName() + "." + extension + "\"");
        }
        return response.build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify() {
        auth.realm().requireViewEvents();
        return Response.ok(trail().verify(realm).toJson().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Verifies an exported file (JSON Lines) posted by the auditor, e.g. one day of the file sink. */
    @jakarta.ws.rs.POST
    @Path("verify")
    @jakarta.ws.rs.Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response verifyExport(java.io.InputStream body) {
        auth.realm().requireViewEvents();
        try {
            return Response.ok(trail().verifyExport(body).toJson().toString(), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (java.io.IOException e) {
            throw AdminErrors.badRequest("body: cannot be read as JSON Lines");
        }
    }

    private AuditTrailProvider trail() {
        AuditTrailProvider trail = session.getProvider(AuditTrailProvider.class);
        if (trail == null) {
            throw AdminErrors.notFound("the audit export (spi-audit-export) is not installed on this server");
        }
        return trail;
    }

    private static AuditExportFormat format(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> AuditExportFormat.JSON;
                case "ndjson", "jsonl" -> AuditExportFormat.NDJSON;
                case "csv" -> AuditExportFormat.CSV;
                default -> throw AdminErrors.badRequest("format: must be json, ndjson or csv");
            };
        }
        if (accept != null) {
            for (String part : accept.split(",")) {
                var parsed = AuditExportFormat.fromMediaType(part);
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
        }
        return AuditExportFormat.JSON;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Rfc3339.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": must be an RFC 3339 instant such as 2027-01-31T00:00:00Z");
        }
    }
}
