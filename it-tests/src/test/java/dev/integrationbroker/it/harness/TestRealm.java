package dev.integrationbroker.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A realm created from a small JSON fixture under {@code src/test/resources/realms/}, renamed so that
 * every test class gets its own realm on the shared server. Deleted on {@link #close()}.
 */
public final class TestRealm implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final KeycloakServer server;
    private final String name;

    private TestRealm(KeycloakServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Imports {@code realms/<fixture>.json} as a new realm named {@code <fixture>-<n>}. */
    public static TestRealm create(KeycloakServer server, String fixture) {
        ObjectNode realm = fixture(fixture);
        String name = fixture + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        realm.put("realm", name);
        JsonResponse response = server.admin().post("/admin/realms", realm);
        if (response.status() != 201) {
            throw new AssertionError("cannot create realm from fixture " + fixture + ": " + response);
        }
        return new TestRealm(server, name);
    }

    /** The same realm on another server handle (e.g. after a restart of a dedicated server). */
    public static TestRealm attach(KeycloakServer server, String name) {
        return new TestRealm(server, name);
    }

    /** Imports the run command's demo realm under a new name, so a test can change it freely. */
    public static TestRealm copyOfDemo(KeycloakServer server) {
        ObjectNode realm = resource("/demo/demo-realm.json");
        String name = "demo-copy-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        realm.put("realm", name);
        JsonResponse response = server.admin().post("/admin/realms", realm);
        if (response.status() != 201) {
            throw new AssertionError("cannot import a copy of the demo realm: " + response);
        }
        return new TestRealm(server, name);
    }

    /** The fixture's JSON, for tests that post it themselves (e.g. partial import). */
    public static ObjectNode fixture(String fixture) {
        return resource("/realms/" + fixture + ".json");
    }

    private static ObjectNode resource(String resource) {
        try (InputStream in = TestRealm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test fixture " + resource);
            }
            return (ObjectNode) JsonResponse.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + resource, e);
        }
    }

    public String name() {
        return name;
    }

    /** {@code /admin/realms/<name>} followed by {@code suffix}. */
    public String adminPath(String suffix) {
        return "/admin/realms/" + name + suffix;
    }

    public OAuthClient oauth() {
        return server.oauth(name);
    }

    /** The internal id of a client, by its OAuth client_id. */
    public String clientUuid(String clientId) {
        var clients = server.admin().getOk(adminPath("/clients?clientId=" + clientId));
        if (clients.size() != 1) {
            throw new AssertionError("client " + clientId + " not found in " + name);
        }
        return clients.get(0).get("id").asText();
    }

    /** The client's representation. */
    public ObjectNode client(String clientId) {
        return (ObjectNode) server.admin().getOk(adminPath("/clients/" + clientUuid(clientId)));
    }

    /** Sets (or, for a null or empty value, removes) client attributes through the admin API; returns the response. */
    public JsonResponse setClientAttributes(String clientId, java.util.Map<String, String> attributes) {
        ObjectNode client = client(clientId);
        ObjectNode attrs = client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
        attributes.forEach((name, value) -> {
            // Keycloak keeps attributes missing from the representation; an empty value removes one
            attrs.put(name, value == null ? "" : value);
        });
        return server.admin().put(adminPath("/clients/" + client.get("id").asText()), client);
    }

    /** Like {@link #setClientAttributes} but fails the test unless the update is accepted. */
    public void requireClientAttributes(String clientId, java.util.Map<String, String> attributes) {
        JsonResponse response = setClientAttributes(clientId, attributes);
        if (response.status() != 204) {
            throw new AssertionError("cannot update " + clientId + ": " + response);
        }
    }

    /** Partial import of one client, replacing any client with the same clientId; returns the response. */
    public JsonResponse importClient(ObjectNode client) {
        ObjectNode body = JsonResponse.MAPPER.createObjectNode().put("ifResourceExists", "OVERWRITE");
        body.putArray("clients").add(client);
        if (client.path("serviceAccountsEnabled").asBoolean()) {
            // replacing a client removes its service-account user; the import brings it back
            String clientId = client.get("clientId").asText();
            body.putArray("users").addObject()
                    .put("username", "service-account-" + clientId.toLowerCase(java.util.Locale.ROOT))
                    .put("enabled", true)
                    .put("serviceAccountClientId", clientId);
        }
        return server.admin().post(adminPath("/partialImport"), body);
    }

    /**
     * Replaces the client by a copy with the given attributes changed (null or empty removes one), through
     * partial import: the restore path, which accepts system attributes, so tests can set dates in the past.
     */
    public void restoreClient(String clientId, java.util.Map<String, String> attributes) {
        ObjectNode client = client(clientId);
        ObjectNode attrs = client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
        attributes.forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                attrs.remove(name);
            } else {
                attrs.put(name, value);
            }
        });
        JsonResponse response = importClient(client);
        if (response.status() != 200) {
            throw new AssertionError("cannot restore " + clientId + ": " + response);
        }
    }

    /**
     * A token brokered for {@code audience} from the integration's own service-account token; fails the test
     * unless both steps succeed.
     */
    public String brokeredToken(String clientId, String secret, String audience, String scope) {
        JsonResponse own = oauth().clientCredentials(clientId, secret, null);
        if (own.status() != 200) {
            throw new AssertionError("client_credentials of " + clientId + ": " + own);
        }
        JsonResponse brokered = oauth().token(Form.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "client_id", clientId, "client_secret", secret, "subject_token", own.json().path("access_token").asText(),
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token", "audience", audience, "scope", scope));
        if (brokered.status() != 200) {
            throw new AssertionError("token exchange of " + clientId + ": " + brokered);
        }
        return brokered.json().path("access_token").asText();
    }

    /** PUTs a realm policy patch; fails the test unless accepted. */
    public void requirePolicy(String json) {
        JsonResponse response = server.admin().put(adminPath("/integrations/policy"), json);
        if (response.status() != 200) {
            throw new AssertionError("policy " + json + " refused: " + response);
        }
        // read back until a fresh request sees the change (bounded), so the next call never races the commit
        var wanted = JsonResponse.MAPPER.valueToTree(response.json());
        for (int attempt = 0; attempt < 20 && !wanted.equals(server.admin().getOk(adminPath("/integrations/policy"))); attempt++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The id of a client's service-account user. */
    public String serviceAccountId(String clientId) {
        return server.admin().getOk(adminPath("/clients/" + clientUuid(clientId) + "/service-account-user")).get("id").asText();
    }

    /** A user's id by username. */
    public String userId(String username) {
        var users = server.admin().getOk(adminPath("/users?exact=true&username=" + username));
        if (users.size() != 1) {
            throw new AssertionError("user " + username + " not found in " + name);
        }
        return users.get(0).get("id").asText();
    }

    @Override
    public void close() {
        server.admin().delete("/admin/realms/" + name);
    }
}
