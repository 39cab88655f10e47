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
}
