package dev.integrationbroker.lifecycle.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSecretConstants;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;

/** One row of the inventory (SPEC §2.2): the fields an identity team sees for an integration. */
public final class InventoryItem {

    /** Column order of the CSV and field order of the JSON object. */
    public static final List<String> FIELDS = List.of("clientId", "businessOwner", "technicalOwner", "purpose", "vendor", "status",
            "suspendedReason", "nextReview", "lastUsedAt", "lastAttestedAt", "registeredAt", "expiresAt", "allowedAudiences",
            "allowedScopes", "maxTokenTtl", "clientAuthenticator", "secretAgeDays");

    /** Fields of the unregistered service-account listing. */
    public static final List<String> UNREGISTERED_FIELDS = List.of("clientId", "clientAuthenticator", "secretAgeDays", "lastUsedAt");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InventoryItem() {
    }

    public static ObjectNode integration(ClientModel client, RealmPolicy policy, Instant now) {
        Integration integration = Integration.of(client);
        ObjectNode json = MAPPER.createObjectNode();
        json.put("clientId", client.getClientId());
        json.put("businessOwner", integration.businessOwner());
        json.put("technicalOwner", integration.technicalOwner());
        json.put("purpose", integration.purpose());
        json.put("vendor", integration.vendor());
        json.put("status", integration.status().wire());
        json.put("suspendedReason", integration.suspendedReason().map(r -> r.wire()).orElse(null));
        json.put("nextReview", integration.nextReview().map(Rfc3339::format).orElse(null));
        json.put("lastUsedAt", integration.lastUsedAt().map(Rfc3339::format).orElse(null));
        json.put("lastAttestedAt", integration.lastAttestedAt().map(Rfc3339::format).orElse(null));
        json.put("registeredAt", integration.registeredAt().map(Rfc3339::format).orElse(null));
        json.put("expiresAt", integration.expiresAt().map(Rfc3339::format).orElse(null));
        ArrayNode audiences = json.putArray("allowedAudiences");
        integration.allowedAudiences().forEach(audiences::add);
        ArrayNode scopes = json.putArray("allowedScopes");
        integration.allowedScopes().forEach(scopes::add);
        json.put("maxTokenTtl", integration.maxTokenTtl().orElse(policy.defaultTokenTtl()));
        json.put("clientAuthenticator", client.getClientAuthenticatorType());
        putSecretAge(json, client, now);
        return json;
    }

    public static ObjectNode unregistered(ClientModel client, Instant now) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("clientId", client.getClientId());
        json.put("clientAuthenticator", client.getClientAuthenticatorType());
        putSecretAge(json, client, now);
        json.put("lastUsedAt", Integration.of(client).lastUsedAt().map(Rfc3339::format).orElse(null));
        return json;
    }

    /** Days since the shared secret was created; null for other authenticators or when Keycloak has no time. */
    private static void putSecretAge(ObjectNode json, ClientModel client, Instant now) {
        String created = client.getAttribute(ClientSecretConstants.CLIENT_SECRET_CREATION_TIME);
        boolean sharedSecret = "client-secret".equals(client.getClientAuthenticatorType())
                || "client-secret-jwt".equals(client.getClientAuthenticatorType());
        if (!sharedSecret || created == null || !created.trim().matches("[0-9]{1,12}")) {
            json.putNull("secretAgeDays");
            return;
        }
        long days = Duration.between(Instant.ofEpochSecond(Long.parseLong(created.trim())), now).toDays();
        json.put("secretAgeDays", Math.max(0, days));
    }
}
