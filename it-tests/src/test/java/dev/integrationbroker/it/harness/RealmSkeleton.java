package dev.integrationbroker.it.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The smallest realm an integration can live in, for tests that build their own realm in code (many clients, a
 * cluster): owners {@code alice} and {@code bob}, the scope {@code orders.read} and the audience {@code orders-api}.
 * Callers add their integrations to the {@code clients} array.
 */
public final class RealmSkeleton {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RealmSkeleton() {
    }

    public static ObjectNode of(String realm, String emailDomain) {
        ObjectNode rep = MAPPER.createObjectNode().put("realm", realm).put("enabled", true).put("adminEventsEnabled", true);
        rep.putObject("attributes").put("CreateDefaultClientScopes", "true");
        var users = rep.putArray("users");
        users.addObject().put("username", "alice").put("email", "alice@" + emailDomain).put("enabled", true);
        users.addObject().put("username", "bob").put("email", "bob@" + emailDomain).put("enabled", true);
        rep.putArray("clientScopes").addObject().put("name", "orders.read").put("protocol", "openid-connect");
        rep.putArray("clients").addObject().put("clientId", "orders-api").put("enabled", true).put("publicClient", false);
        return rep;
    }

    /**
     * A partial import of integrations {@code prefix-00000}… numbered from {@code first} (inclusive) to {@code end}
     * (exclusive), owned by alice and bob, allowed {@code orders-api} and {@code orders.read}, with a 30-day review
     * interval, plus {@code attributes} (e.g. a registration date or a status, which an import may set).
     */
    public static ObjectNode integrations(String prefix, int first, int end, boolean enabled, java.util.Map<String, String> attributes) {
        ObjectNode partial = MAPPER.createObjectNode().put("ifResourceExists", "FAIL");
        var clients = partial.putArray("clients");
        for (int i = first; i < end; i++) {
            ObjectNode client = clients.addObject().put("clientId", String.format("%s-%05d", prefix, i)).put("enabled", enabled)
                    .put("publicClient", false).put("secret", prefix + "-secret-" + i).put("standardFlowEnabled", false)
                    .put("serviceAccountsEnabled", true);
            ObjectNode attrs = client.putObject("attributes")
                    .put("integration.business-owner", "alice").put("integration.technical-owner", "bob")
                    .put("integration.purpose", "Test integration " + prefix + " " + i).put("integration.vendor", prefix)
                    .put("integration.allowed-audiences", "orders-api").put("integration.allowed-scopes", "orders.read")
                    .put("integration.review-interval-days", "30");
            attributes.forEach(attrs::put);
        }
        return partial;
    }
}
