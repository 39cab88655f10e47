package dev.integrationbroker.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("dynamic client registration of integrations (RFC 7591/7592)")
class DynamicRegistrationIT {

    private KeycloakServer server;
    private TestRealm realm;
    private String initialAccessToken;
    private KeyPair statementKeys;

    @BeforeAll
    void createRealm(KeycloakServer server) throws Exception {
        this.server = server;
        this.realm = TestRealm.create(server, "registry");
        JsonResponse token = server.admin().post(realm.adminPath("/clients-initial-access"), Map.of("expiration", 3600, "count", 200));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        initialAccessToken = token.json().path("token").asText();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        statementKeys = generator.generateKeyPair();
        String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) statementKeys.getPublic()).keyID("vendor-portal")
                .keyUse(KeyUse.SIGNATURE).build()).toString(true);
        realm.requirePolicy("{\"software-statement-keys\":" + jwks + "}");
    }

    @AfterAll
    void deleteRealm() {
        realm.close();
    }

    private JsonResponse register(String endpoint, ObjectNode metadata) {
        return server.admin().raw("POST", "/realms/" + realm.name() + "/clients-registrations/" + endpoint, metadata.toString(),
                Map.of("Authorization", "Bearer " + initialAccessToken, "Content-Type", "application/json"));
    }

    private static ObjectNode oidcMetadata(Map<String, String> integration) {
        ObjectNode metadata = RegistryFixture.MAPPER.createObjectNode()
                .put("client_name", "registered by DCR")
                .put("token_endpoint_auth_method", "client_secret_post");
        metadata.putArray("grant_types").add("client_credentials");
        integration.forEach((attribute, value) -> {
            if (value != null) {
                metadata.put(attribute.replace('.', '_').replace('-', '_'), value);
            }
        });
        return metadata;
    }

    @Test
    @DisplayName("given valid integration fields then the integration is registered, stamped and gets tokens")
    void registers() {
        JsonResponse response = register("integration", oidcMetadata(RegistryFixture.validMetadata()));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("integration_business_owner").asText()).isEqualTo("alice");
        assertThat(body.path("integration_allowed_scopes").asText()).isEqualTo("billing.read");
        assertThat(body.path("registration_client_uri").asText()).contains("/clients-registrations/integration/");
        String clientId = body.path("client_id").asText();
        assertThat(realm.client(clientId).path("attributes").path("integration.status").asText()).isEqualTo("active");
        assertThat(realm.oauth().clientCredentials(clientId, body.path("client_secret").asText(), null).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("given a registration access token then RFC 7592 update changes the integration fields")
    void updates() {
        JsonNode created = register("integration", oidcMetadata(RegistryFixture.validMetadata())).json();
        ObjectNode update = oidcMetadata(RegistryFixture.metadataWith(Map.of("integration.purpose", "Exports invoices and credit notes")));
        update.put("client_id", created.path("client_id").asText());

        JsonResponse response = server.admin().raw("PUT", created.path("registration_client_uri").asText(), update.toString(),
                Map.of("Authorization", "Bearer " + created.path("registration_access_token").asText(), "Content-Type", "application/json"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("integration_purpose").asText()).isEqualTo("Exports invoices and credit notes");
        assertThat(realm.client(created.path("client_id").asText()).path("attributes").path("integration.purpose").asText())
                .isEqualTo("Exports invoices and credit notes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.integrationbroker.it.registry.MetadataValidationIT#rules")
    @DisplayName("given integration fields breaking a rule then 400 invalid_client_metadata names the field")
    void refused(String name, Map<String, String> change, String description) {
        JsonResponse response = register("integration", oidcMetadata(RegistryFixture.metadataWith(change)));

        if (description == null) {
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return;
        }
        String attribute = description.substring(0, description.indexOf(':'));
        RegistryFixture.assertRefused(response, attribute.replace('.', '_').replace('-', '_') + description.substring(attribute.length()));
    }

    @Test
    @DisplayName("given an unknown integration field then 400 names it")
    void unknownField() {
        ObjectNode metadata = oidcMetadata(RegistryFixture.validMetadata()).put("integration_status", "active");

        RegistryFixture.assertRefused(register("integration", metadata), "integration_status: unknown integration field");
    }

    @Nested
    @DisplayName("software statements")
    class Statements {

        private String statement(KeyPair keys, String kid, Map<String, String> integration) throws Exception {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("vendor-portal");
            integration.forEach((attribute, value) -> claims.claim(attribute.replace('.', '_').replace('-', '_'), value));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        }

        @Test
        @DisplayName("given metadata inside a statement signed by a trusted key then it is registered and the statement wins")
        void trusted() throws Exception {
            ObjectNode metadata = oidcMetadata(Map.of("integration.purpose", "a purpose sent in the clear, overridden"));
            metadata.put("software_statement", statement(statementKeys, "vendor-portal", RegistryFixture.validMetadata()));

            JsonResponse response = register("integration", metadata);

            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.json().path("integration_purpose").asText()).isEqualTo("Exports invoices to the accounting system");
        }

        @Test
        @DisplayName("given a statement signed by an untrusted key then unapproved_software_statement")
        void untrusted() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            ObjectNode metadata = oidcMetadata(Map.of());
            metadata.put("software_statement", statement(generator.generateKeyPair(), "somebody-else", RegistryFixture.validMetadata()));

            JsonResponse response = register("integration", metadata);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("error").asText()).isEqualTo("unapproved_software_statement");
            assertThat(response.json().path("error_description").asText()).isEqualTo("software_statement is signed by a key this realm does not trust");
        }

        @Test
        @DisplayName("given a trusted key id with a forged signature then invalid_software_statement")
        void forged() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            ObjectNode metadata = oidcMetadata(Map.of());
            metadata.put("software_statement", statement(generator.generateKeyPair(), "vendor-portal", RegistryFixture.validMetadata()));

            JsonResponse response = register("integration", metadata);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("error").asText()).isEqualTo("invalid_software_statement");
            assertThat(response.json().path("error_description").asText()).isEqualTo("software_statement signature is invalid");
        }

        @Test
        @DisplayName("given a trusted statement with invalid metadata then invalid_client_metadata names the field")
        void trustedButInvalid() throws Exception {
            ObjectNode metadata = oidcMetadata(Map.of());
            metadata.put("software_statement", statement(statementKeys, "vendor-portal",
                    RegistryFixture.metadataWith(Map.of("integration.vendor", "Not A Tag"))));

            RegistryFixture.assertRefused(register("integration", metadata), "integration_vendor: must match [a-z0-9-]{1,64}");
        }
    }

    @Test
    @DisplayName("given unregistered-service-accounts deny then Keycloak's own endpoint refuses a client_credentials client")
    void standardEndpointDenied() {
        realm.requirePolicy("{\"unregistered-service-accounts\":\"deny\"}");
        try {
            RegistryFixture.assertRefused(register("openid-connect", oidcMetadata(Map.of())),
                    "integration metadata is required for a client_credentials client in this realm: "
                            + "register at clients-registrations/integration with the integration_* fields");
        } finally {
            realm.requirePolicy("{\"unregistered-service-accounts\":\"monitor\"}");
        }
    }
}
