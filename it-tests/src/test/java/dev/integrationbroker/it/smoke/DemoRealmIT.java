package dev.integrationbroker.it.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.OAuthClient;

@KeycloakIT
@DisplayName("demo realm")
class DemoRealmIT {

    static final String INTEGRATION = "crm-connector";
    static final String SECRET = "demo-crm-connector-secret";

    @Nested
    @DisplayName("imported at start")
    class Imported {

        @Test
        @DisplayName("given the run command's realm file then the resource clients, scopes and users exist")
        void containsTheDemoObjects(KeycloakServer server) {
            List<String> clients = names(server.admin().getOk("/admin/realms/demo/clients"), "clientId");
            List<String> scopes = names(server.admin().getOk("/admin/realms/demo/client-scopes"), "name");
            List<String> users = names(server.admin().getOk("/admin/realms/demo/users"), "username");

            assertThat(clients).contains("orders-api", "billing-api", INTEGRATION);
            assertThat(scopes).contains("orders.read", "orders.write", "billing.read");
            assertThat(users).contains("alice", "bob", "audrey");
        }

        @Test
        @DisplayName("given the demo integration then it carries owners and a purpose")
        void integrationHasOwners(KeycloakServer server) {
            JsonNode client = server.admin().getOk("/admin/realms/demo/clients?clientId=" + INTEGRATION).get(0);

            assertThat(client.path("attributes").path("integration.business-owner").asText()).isEqualTo("alice");
            assertThat(client.path("attributes").path("integration.technical-owner").asText()).isEqualTo("bob");
            assertThat(client.path("attributes").path("integration.purpose").asText()).isNotBlank();
        }
    }

    @Nested
    @DisplayName("client_credentials")
    class ClientCredentials {

        @Test
        @DisplayName("given the demo integration's secret then a token is issued that verifies against the realm JWKS")
        void tokenVerifiesAgainstJwks(KeycloakServer server) throws Exception {
            OAuthClient oauth = server.oauth("demo");
            JsonResponse response = oauth.clientCredentials(INTEGRATION, SECRET, null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);

            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(oauth.jwks())));
            JWTClaimsSet claims = processor.process(response.json().get("access_token").asText(), null);

            assertThat(claims.getIssuer()).isEqualTo(oauth.issuer());
            assertThat(claims.getStringClaim("azp")).isEqualTo(INTEGRATION);
            assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        }

        @Test
        @DisplayName("given a wrong secret then Keycloak's own 401 answer is returned")
        void wrongSecretIsRefused(KeycloakServer server) {
            JsonResponse response = server.oauth("demo").clientCredentials(INTEGRATION, "not-the-secret", null);

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("error").asText()).isEqualTo("unauthorized_client");
            assertThat(response.json().get("error_description").asText()).isEqualTo("Invalid client or Invalid client credentials");
        }
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.path(field).asText()));
        return names;
    }
}
