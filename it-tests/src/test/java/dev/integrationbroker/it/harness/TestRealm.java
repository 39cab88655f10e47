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

    /** The fixture's JSON, for tests that post it themselves (e.g. partial import). */
    public static ObjectNode fixture(String fixture) {
        String resource = "/realms/" + fixture + ".json";
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

    @Override
    public void close() {
        server.admin().delete("/admin/realms/" + name);
    }
}
