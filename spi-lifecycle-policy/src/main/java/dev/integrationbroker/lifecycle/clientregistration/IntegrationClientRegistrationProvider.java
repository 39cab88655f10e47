package dev.integrationbroker.lifecycle.clientregistration;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.oidc.OIDCClientRepresentation;
import org.keycloak.services.clientregistration.ClientRegistrationAuth;
import org.keycloak.services.clientregistration.ClientRegistrationProvider;
import org.keycloak.services.clientregistration.oidc.OIDCClientRegistrationProvider;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;

/**
 * RFC 7591/7592 registration of integrations at {@code /realms/{realm}/clients-registrations/integration}:
 * OpenID Connect client metadata plus the {@code integration_*} fields, optionally inside a signed
 * {@code software_statement}. Keycloak's own OpenID Connect registration does the registration; this
 * endpoint adds the metadata, which the issuance gate's client policy validates like any other write.
 */
public final class IntegrationClientRegistrationProvider implements ClientRegistrationProvider {

    private final KeycloakSession session;
    private ClientRegistrationAuth auth;
    private EventBuilder event;

    IntegrationClientRegistrationProvider(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        OIDCClientRepresentation metadata = prepare(body);
        Response created = delegate().createOIDC(metadata);
        return withIntegrationFields(created);
    }

    @GET
    @Path("{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("clientId") String clientId) {
        return withIntegrationFields(delegate().getOIDC(clientId));
    }

    @PUT
    @Path("{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("clientId") String clientId, String body) {
        OIDCClientRepresentation metadata = prepare(body);
        return withIntegrationFields(delegate().updateOIDC(clientId, metadata));
    }

    @DELETE
    @Path("{clientId}")
    public Response delete(@PathParam("clientId") String clientId) {
        return delegate().deleteOIDC(clientId);
    }

    /** Splits the request into OpenID Connect metadata and integration metadata (handed to the policy check). */
    private OIDCClientRepresentation prepare(String body) {
        ObjectNode json = object(body);
        JsonNode statement = json.remove(SoftwareStatement.CLAIM);
        if (statement != null && !statement.isNull()) {
            if (!statement.isTextual()) {
                throw DcrRefusal.invalidStatement("software_statement must be a JWT string");
            }
            RealmModel realm = session.getContext().getRealm();
            ObjectNode claims = SoftwareStatement.verify(statement.asText(), RealmPolicyStore.read(realm).softwareStatementKeys(), Instant.now());
            for (String registered : new String[] {"iss", "iat", "exp", "nbf", "jti", "aud", "sub"}) {
                claims.remove(registered);
            }
            // RFC 7591 §3.1.1: values in the statement take precedence
            json.setAll(claims);
        }
        Map<String, String> attributes = DcrFields.extract(json);
        if (!attributes.isEmpty()) {
            DcrHandoff.put(session, attributes);
        }
        try {
            return JsonSerialization.mapper.convertValue(json, OIDCClientRepresentation.class);
        } catch (IllegalArgumentException e) {
            throw DcrRefusal.invalidMetadata("client metadata does not match RFC 7591 types");
        }
    }

    private OIDCClientRegistrationProvider delegate() {
        OIDCClientRegistrationProvider delegate = new OIDCClientRegistrationProvider(session);
        delegate.setAuth(auth);
        delegate.setEvent(event);
        return delegate;
    }

    /** Adds the stored integration fields to Keycloak's answer and points management at this endpoint. */
    private Response withIntegrationFields(Response response) {
        Object entity = response.getEntity();
        if (!(entity instanceof OIDCClientRepresentation oidc)) {
            return response;
        }
        ObjectNode json = JsonSerialization.mapper.valueToTree(oidc);
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = realm.getClientByClientId(oidc.getClientId());
        if (client != null) {
            DcrFields.write(client.getAttributes(), json);
        }
        if (oidc.getRegistrationClientUri() != null) {
            json.put("registration_client_uri", oidc.getRegistrationClientUri().replace("/clients-registrations/openid-connect/",
                    "/clients-registrations/" + IntegrationClientRegistrationProviderFactory.PROVIDER_ID + "/"));
        }
        Response.ResponseBuilder builder = Response.status(response.getStatus()).entity(json.toString()).type(MediaType.APPLICATION_JSON_TYPE);
        response.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static ObjectNode object(String body) {
        try {
            JsonNode json = body == null ? null : JsonSerialization.mapper.readTree(body);
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // refused below
        }
        throw DcrRefusal.invalidMetadata("the request body must be a JSON object of client metadata");
    }

    @Override
    public void setAuth(ClientRegistrationAuth auth) {
        this.auth = auth;
    }

    @Override
    public ClientRegistrationAuth getAuth() {
        return auth;
    }

    @Override
    public void setEvent(EventBuilder event) {
        this.event = event;
    }

    @Override
    public EventBuilder getEvent() {
        return event;
    }

    @Override
    public void close() {
        // nothing held
    }
}
