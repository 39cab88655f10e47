package dev.integrationbroker.it.broker;

import static dev.integrationbroker.it.broker.BrokerFixture.INTEGRATION;
import static dev.integrationbroker.it.broker.BrokerFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.integrationbroker.it.harness.Form;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.Jwt;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("revocation lineage and client authentication")
class RevocationAndClientAuthIT {

    private BrokerFixture fixture;

    @BeforeAll
    void createRealm(KeycloakServer server) {
        fixture = new BrokerFixture(server);
    }

    @AfterAll
    void deleteRealm() {
        fixture.close();
    }

    private String exchange(String subject) {
        JsonResponse response = fixture.exchange(fixture.exchangeForm(subject).add("audience", "orders-api").add("scope", "orders.read"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("access_token").asText();
    }

    private boolean active(String token) {
        return fixture.realm.oauth().introspect(token, "orders-api", "orders-api-secret").json().path("active").asBoolean();
    }

    @Nested
    @DisplayName("RFC 7009 revocation of the subject token")
    class Lineage {

        @Test
        @DisplayName("given a user's token revoked after the exchange then the exchanged token is inactive")
        void userTokenRevoked() {
            String subject = fixture.userToken("orders.read");
            String child = exchange(subject);
            assertThat(active(child)).isTrue();

            assertThat(fixture.realm.oauth().revoke(subject, "frontend").status()).isEqualTo(200);

            assertThat(active(child)).isFalse();
        }

        @Test
        @DisplayName("given the integration revoking its own service-account token then tokens exchanged from it are inactive")
        void ownTokenRevoked() {
            String subject = fixture.ownToken();
            String child = exchange(subject);
            String sibling = exchange(fixture.ownToken());

            assertThat(fixture.realm.oauth().revoke(subject, INTEGRATION, SECRET).status()).isEqualTo(200);

            assertThat(active(child)).isFalse();
            assertThat(active(sibling)).as("a token exchanged from another subject token").isTrue();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("signed JWT client authentication (private_key_jwt)")
    class PrivateKeyJwt {

        private static final String CLIENT = "crm-jwt";
        private KeyPair keys;

        @BeforeAll
        void registerJwtIntegration() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("crm-jwt-key")
                    .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build()).toString(true);
            ObjectNode client = new ObjectMapper().createObjectNode()
                    .put("clientId", CLIENT).put("enabled", true).put("publicClient", false)
                    .put("clientAuthenticatorType", "client-jwt").put("standardFlowEnabled", false).put("serviceAccountsEnabled", true);
            ObjectNode attributes = client.putObject("attributes");
            attributes.put("use.jwks.string", "true");
            attributes.put("jwks.string", jwks);
            attributes.put("token.endpoint.auth.signing.alg", "RS256");
            Map.of("integration.business-owner", "alice", "integration.technical-owner", "bob",
                    "integration.purpose", "CRM sync authenticated with a signed JWT",
                    "integration.allowed-audiences", "orders-api", "integration.allowed-scopes", "orders.read")
                    .forEach(attributes::put);
            JsonResponse created = fixture.server.admin().post(fixture.realm.adminPath("/clients"), client);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }

        private Form withAssertion(Form form) throws Exception {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(CLIENT).subject(CLIENT)
                    .audience(fixture.realm.oauth().issuer() + "/protocol/openid-connect/token")
                    .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).build();
            SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("crm-jwt-key").build(), claims);
            assertion.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    .add("client_assertion", assertion.serialize());
        }

        @Test
        @DisplayName("given a signed JWT client assertion then client_credentials and token exchange both work")
        void clientCredentialsAndExchange() throws Exception {
            JsonResponse own = fixture.realm.oauth().token(withAssertion(Form.of("grant_type", "client_credentials", "client_id", CLIENT)));
            assertThat(own.status()).as(own.toString()).isEqualTo(200);

            JsonResponse exchanged = fixture.realm.oauth().token(withAssertion(Form.of(
                    "grant_type", BrokerFixture.TOKEN_EXCHANGE, "client_id", CLIENT,
                    "subject_token", own.json().path("access_token").asText(), "subject_token_type", BrokerFixture.ACCESS_TOKEN_TYPE,
                    "audience", "orders-api", "scope", "orders.read")));

            assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
            assertThat(Jwt.verify(fixture.realm.oauth(), exchanged.json().path("access_token").asText()).getStringClaim("azp")).isEqualTo(CLIENT);
        }

        @Test
        @DisplayName("given an assertion signed by another key then Keycloak's own invalid_client answer is unchanged")
        void wrongKey() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair original = keys;
            keys = generator.generateKeyPair();
            try {
                JsonResponse response = fixture.realm.oauth().token(withAssertion(Form.of("grant_type", "client_credentials", "client_id", CLIENT)));

                // Keycloak 26.7.3 answers a bad client assertion with 400 invalid_client; the broker does not alter it
                assertThat(response.status()).as(response.toString()).isEqualTo(400);
                assertThat(response.json().path("error").asText()).isEqualTo("invalid_client");
                assertThat(response.json().path("error_description").asText()).isEqualTo("Client authentication with signed JWT failed: Signature on JWT token failed validation");
            } finally {
                keys = original;
            }
        }
    }
}
