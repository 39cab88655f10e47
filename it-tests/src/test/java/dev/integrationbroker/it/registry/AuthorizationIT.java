package dev.integrationbroker.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.integrationbroker.it.harness.AdminClient;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("authorization of the integrations API")
class AuthorizationIT {

    private KeycloakServer server;
    private TestRealm realm;

    @BeforeAll
    void createRealm(KeycloakServer server) {
        this.server = server;
        this.realm = TestRealm.create(server, "registry");
    }

    @AfterAll
    void deleteRealm() {
        realm.close();
    }

    /** Endpoint, method, body, and the status expected for anonymous, no role, view-clients, manage-clients, manage-realm. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("GET", "/integrations", null, 401, 403, 200, 200, 403),
                Arguments.of("GET", "/integrations/unregistered", null, 401, 403, 200, 200, 403),
                Arguments.of("GET", "/integrations/crm", null, 401, 403, 200, 200, 403),
                Arguments.of("GET", "/integrations/policy", null, 401, 403, 200, 200, 200),
                Arguments.of("PUT", "/integrations/policy", "{\"grace-days\":0}", 401, 403, 403, 403, 200),
                Arguments.of("POST", "/integrations/ci-deployer/attest", "{}", 401, 403, 403, 200, 403),
                Arguments.of("POST", "/integrations/ci-deployer/revoke-tokens", "{}", 401, 403, 403, 200, 403),
                Arguments.of("POST", "/integrations/suspend", "{\"vendor\":\"nobody-vendor\"}", 401, 403, 403, 200, 403));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    @DisplayName("given each kind of caller then the endpoint answers as the role requires")
    void matrix(String method, String path, String body, int anonymous, int noRole, int viewer, int manager, int realmAdmin) {
        String full = realm.adminPath(path);

        assertThat(server.admin().anonymous(method, full).status()).as("anonymous").isEqualTo(anonymous);
        assertThat(call(user("nobody"), method, full, body).status()).as("no role").isEqualTo(noRole);
        assertThat(call(user("viewer"), method, full, body).status()).as("view-clients").isEqualTo(viewer);
        assertThat(call(user("manager"), method, full, body).status()).as("manage-clients").isEqualTo(manager);
        assertThat(call(user("realm-admin"), method, full, body).status()).as("manage-realm").isEqualTo(realmAdmin);
    }

    private AdminClient user(String username) {
        return server.admin().as(realm.name(), username, username + "-pw");
    }

    private static JsonResponse call(AdminClient client, String method, String path, String body) {
        return client.send(method, path, body, java.util.Map.of());
    }
}
