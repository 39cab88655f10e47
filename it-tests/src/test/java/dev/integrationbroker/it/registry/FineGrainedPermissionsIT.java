package dev.integrationbroker.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.it.harness.AdminClient;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

/**
 * Keycloak's fine-grained admin permissions (v2) decide who sees and manages which integration: a delegate with
 * only {@code query-clients} and a permission on one client sees that integration alone in the inventory, reads
 * and attests it, and is refused every other one.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("fine-grained admin permissions on integrations")
class FineGrainedPermissionsIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DELEGATE = "delegate";
    private static final String PASSWORD = "delegate-pw";

    private KeycloakServer server;
    private TestRealm realm;
    private AdminClient delegate;

    @BeforeAll
    void grantOneClient(KeycloakServer server) {
        this.server = server;
        this.realm = TestRealm.create(server, "registry");
        require(server.admin().put(realm.adminPath(""), Map.of("adminPermissionsEnabled", true)), 204);

        ObjectNode user = MAPPER.createObjectNode().put("username", DELEGATE).put("enabled", true)
                .put("email", "delegate@registry.test").put("firstName", "Del").put("lastName", "Egate");
        user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        require(server.admin().post(realm.adminPath("/users"), user), 201);
        String delegateId = realm.userId(DELEGATE);
        String realmManagement = realm.clientUuid("realm-management");
        JsonNode queryClients = server.admin().getOk(realm.adminPath("/clients/" + realmManagement + "/roles/query-clients"));
        require(server.admin().post(realm.adminPath("/users/" + delegateId + "/role-mappings/clients/" + realmManagement),
                MAPPER.createArrayNode().add(queryClients)), 204);

        String permissions = realm.adminPath("/clients/" + realm.clientUuid("admin-permissions") + "/authz/resource-server");
        ObjectNode policy = MAPPER.createObjectNode().put("name", "delegate-only");
        policy.putArray("users").add(delegateId);
        JsonResponse createdPolicy = require(server.admin().post(permissions + "/policy/user", policy), 201);
        ObjectNode permission = MAPPER.createObjectNode().put("name", "delegate-manages-crm").put("resourceType", "Clients");
        permission.putArray("resources").add(realm.clientUuid("crm"));
        ArrayNode scopes = permission.putArray("scopes");
        scopes.add("view").add("manage");
        permission.putArray("policies").add(createdPolicy.json().path("id").asText());
        require(server.admin().post(permissions + "/permission/scope", permission), 201);

        delegate = server.admin().as(realm.name(), DELEGATE, PASSWORD);
    }

    @AfterAll
    void deleteRealm() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    @DisplayName("given a permission on crm only then the inventory lists crm and no other integration")
    void inventoryFiltered() {
        JsonResponse inventory = delegate.get(realm.adminPath("/integrations"));

        assertThat(inventory.status()).as(inventory.toString()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        inventory.json().forEach(item -> listed.add(item.path("clientId").asText()));
        assertThat(listed).containsExactly("crm");
        assertThat(inventory.header("X-Total-Count")).isEqualTo("1");
        assertThat(server.admin().getOk(realm.adminPath("/integrations")).size()).as("the realm has more integrations").isGreaterThan(1);
    }

    @Test
    @DisplayName("given a permission on crm only then crm is readable and another integration is forbidden")
    void readOne() {
        assertThat(delegate.get(realm.adminPath("/integrations/crm")).status()).isEqualTo(200);
        assertThat(delegate.get(realm.adminPath("/integrations/crm-reports")).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("given manage on crm only then crm can be attested and another integration cannot")
    void manageOne() {
        JsonResponse attested = delegate.post(realm.adminPath("/integrations/crm/attest"), "{\"note\":\"delegated review\"}");
        assertThat(attested.status()).as(attested.toString()).isEqualTo(200);
        assertThat(realm.client("crm").path("attributes").path("integration.last-attested-by").asText()).isEqualTo(DELEGATE);

        JsonResponse refused = delegate.post(realm.adminPath("/integrations/crm-reports/attest"), "{\"note\":\"not mine\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(realm.client("crm-reports").path("attributes").has("integration.last-attested-by")).isFalse();
    }

    private static JsonResponse require(JsonResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
