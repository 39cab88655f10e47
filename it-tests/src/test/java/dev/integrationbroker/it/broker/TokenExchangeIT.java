package dev.integrationbroker.it.broker;

import static dev.integrationbroker.it.broker.BrokerFixture.INTEGRATION;
import static dev.integrationbroker.it.broker.ErrorAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;

import dev.integrationbroker.it.harness.Form;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.Jwt;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("token exchange through the broker")
class TokenExchangeIT {

    private BrokerFixture fixture;

    @BeforeAll
    void createRealm(KeycloakServer server) {
        fixture = new BrokerFixture(server);
    }

    @AfterAll
    void deleteRealm() {
        fixture.close();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("issued tokens")
    class Issued {

        @Test
        @DisplayName("given the integration's own token then an audience- and scope-bound access token is issued")
        void ownTokenIsExchanged() throws Exception {
            JsonResponse response = fixture.exchange(fixture.validExchange());

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.path("issued_token_type").asText()).isEqualTo(BrokerFixture.ACCESS_TOKEN_TYPE);
            assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
            assertThat(body.path("scope").asText()).isEqualTo("orders.read");
            assertThat(body.has("refresh_token")).isFalse();
            assertThat(body.has("id_token")).isFalse();
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");

            JWTClaimsSet claims = Jwt.verify(fixture.realm.oauth(), body.path("access_token").asText());
            assertThat(claims.getIssuer()).isEqualTo(fixture.realm.oauth().issuer());
            assertThat(claims.getSubject()).isEqualTo(fixture.realm.serviceAccountId(INTEGRATION));
            assertThat(claims.getAudience()).containsExactly("orders-api");
            assertThat(claims.getStringClaim("azp")).isEqualTo(INTEGRATION);
            assertThat(claims.getStringClaim("scope")).isEqualTo("orders.read");
            assertThat(claims.getJWTID()).isNotBlank();
            long lifetime = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
            assertThat(body.path("expires_in").asLong()).isEqualTo(lifetime).isPositive();
        }

        @Test
        @DisplayName("given two registered audiences then the token carries both")
        void multipleAudiences() {
            JsonResponse response = fixture.exchange(fixture.validExchange().add("audience", "billing-api"));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(Jwt.verify(fixture.realm.oauth(), response.json().path("access_token").asText()).getAudience())
                    .containsExactly("orders-api", "billing-api");
        }

        @Test
        @DisplayName("given a scope named twice then it is granted once")
        void duplicateScopeNamesCollapse() {
            JsonResponse response = fixture.exchange(fixture.exchangeForm(fixture.ownToken())
                    .add("audience", "orders-api").add("scope", "orders.read orders.read"));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("scope").asText()).isEqualTo("orders.read");
        }

        @Test
        @DisplayName("given a user's token whose aud names the integration then the token's subject is the user")
        void userSubject() throws Exception {
            JsonResponse response = fixture.exchange(fixture.exchangeForm(fixture.userToken("orders.read"))
                    .add("audience", "orders-api").add("scope", "orders.read"));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JWTClaimsSet claims = Jwt.verify(fixture.realm.oauth(), response.json().path("access_token").asText());
            assertThat(claims.getSubject()).isEqualTo(fixture.realm.userId("carol"));
            assertThat(claims.getStringClaim("azp")).isEqualTo(INTEGRATION);
        }

        @Test
        @DisplayName("given an exchange then no user session is created")
        void noUserSession() {
            String carol = fixture.realm.userId("carol");
            String subject = fixture.userToken("orders.read");
            int before = fixture.server.admin().getOk(fixture.realm.adminPath("/users/" + carol + "/sessions")).size();

            JsonResponse response = fixture.exchange(fixture.exchangeForm(subject).add("audience", "orders-api").add("scope", "orders.read"));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(fixture.server.admin().getOk(fixture.realm.adminPath("/users/" + carol + "/sessions")).size()).isEqualTo(before);
        }

        @Test
        @DisplayName("given a brokered token then the audience's introspection reports it active")
        void introspectionActive() {
            String token = fixture.exchange(fixture.validExchange()).json().path("access_token").asText();

            JsonNode introspection = fixture.realm.oauth().introspect(token, "orders-api", "orders-api-secret").json();

            assertThat(introspection.path("active").asBoolean()).as(introspection.toString()).isTrue();
            assertThat(introspection.path("client_id").asText()).isEqualTo(INTEGRATION);
        }
    }

    @Nested
    @DisplayName("audience")
    class Audience {

        @Test
        @DisplayName("given no audience then invalid_request")
        void missing() {
            JsonResponse response = fixture.exchange(fixture.exchangeForm(fixture.ownToken()).add("scope", "orders.read"));

            assertOAuthError(response, 400, "invalid_request", "audience is required");
        }

        @Test
        @DisplayName("given an existing client that is not registered as an audience then invalid_target")
        void notRegistered() {
            JsonResponse response = fixture.exchange(fixture.validExchange().remove("audience").add("audience", "inventory-api"));

            assertOAuthError(response, 400, "invalid_target", "audience is not allowed for this integration");
        }

        @Test
        @DisplayName("given an unknown audience then the body is byte-identical to a forbidden one")
        void unknownLooksLikeForbidden() {
            JsonResponse unknown = fixture.exchange(fixture.validExchange().remove("audience").add("audience", "no-such-client"));
            JsonResponse forbidden = fixture.exchange(fixture.validExchange().remove("audience").add("audience", "inventory-api"));

            assertOAuthError(unknown, 400, "invalid_target", "audience is not allowed for this integration");
            assertThat(unknown.body()).isEqualTo(forbidden.body());
        }

        @Test
        @DisplayName("given a privileged client as audience then invalid_target")
        void privileged() {
            for (String privileged : List.of("realm-management", "admin-cli", "account", "security-admin-console", "broker")) {
                JsonResponse response = fixture.exchange(fixture.validExchange().remove("audience").add("audience", privileged));

                assertOAuthError(response, 400, "invalid_target", "audience is not allowed for this integration");
            }
        }

        @Test
        @DisplayName("given one allowed and one forbidden audience then the whole request is refused")
        void oneForbiddenRefusesAll() {
            JsonResponse response = fixture.exchange(fixture.validExchange().add("audience", "inventory-api"));

            assertOAuthError(response, 400, "invalid_target", "audience is not allowed for this integration");
        }
    }

    @Nested
    @DisplayName("scope")
    class Scope {

        @Test
        @DisplayName("given no scope then invalid_scope")
        void missing() {
            JsonResponse response = fixture.exchange(fixture.exchangeForm(fixture.ownToken()).add("audience", "orders-api"));

            assertOAuthError(response, 400, "invalid_scope", "scope is required");
        }

        @Test
        @DisplayName("given a blank scope then invalid_scope")
        void blank() {
            JsonResponse response = fixture.exchange(fixture.exchangeForm(fixture.ownToken()).add("audience", "orders-api").add("scope", "  "));

            assertOAuthError(response, 400, "invalid_scope", "scope is required");
        }

        @Test
        @DisplayName("given a scope outside the registered ceiling then invalid_scope naming it")
        void notAllowed() {
            JsonResponse response = fixture.exchange(fixture.validExchange().remove("scope").add("scope", "orders.read profile"));

            assertOAuthError(response, 400, "invalid_scope", "scope is not allowed for this integration: profile");
        }

        @Test
        @DisplayName("given an unknown scope then invalid_scope naming it")
        void unknown() {
            JsonResponse response = fixture.exchange(fixture.validExchange().remove("scope").add("scope", "orders.delete"));

            assertOAuthError(response, 400, "invalid_scope", "scope is not allowed for this integration: orders.delete");
        }

        @Test
        @DisplayName("given a non-ASCII scope then the description shows it as printable ASCII")
        void unicode() {
            JsonResponse response = fixture.exchange(fixture.validExchange().remove("scope").add("scope", "orders.r\u00e9ad"));

            assertOAuthError(response, 400, "invalid_scope", "scope is not allowed for this integration: orders.r?ad");
        }

        @Test
        @DisplayName("given a 3,000-character scope then invalid_scope without echoing it")
        void tooLong() {
            JsonResponse response = fixture.exchange(fixture.validExchange().remove("scope").add("scope", "a".repeat(3000)));

            assertOAuthError(response, 400, "invalid_scope", "scope is too long");
        }

        @Test
        @DisplayName("given a 100 KB scope then 400 invalid_scope (Keycloak drops token parameters over 20,000 characters first)")
        void oversized() {
            long started = System.nanoTime();
            JsonResponse response = fixture.exchange(fixture.validExchange().remove("scope").add("scope", "a".repeat(100 * 1024)));

            assertOAuthError(response, 400, "invalid_scope", "scope is required");
            assertThat(response.body()).hasSizeLessThan(200);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("answered without hanging").isLessThan(java.time.Duration.ofSeconds(30));
        }

        @Test
        @DisplayName("given a scope the user's token does not hold then invalid_scope (downscope only)")
        void beyondUserSubject() {
            JsonResponse response = fixture.exchange(fixture.exchangeForm(fixture.userToken("orders.read"))
                    .add("audience", "orders-api").add("scope", "orders.read orders.write"));

            assertOAuthError(response, 400, "invalid_scope", "scope exceeds the subject_token's scope: orders.write");
        }
    }

    @Nested
    @DisplayName("other parameters")
    class Parameters {

        @Test
        @DisplayName("given requested_lifetime 60 then expires_in is 60")
        void shorterLifetime() {
            JsonResponse response = fixture.exchange(fixture.validExchange().add("requested_lifetime", "60"));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("expires_in").asLong()).isEqualTo(60);
        }

        @Test
        @DisplayName("given a requested_lifetime above the ceiling then it is capped and expires_in says so")
        void longerLifetimeIsCapped() throws Exception {
            JsonResponse response = fixture.exchange(fixture.validExchange().add("requested_lifetime", "99999"));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            long expiresIn = response.json().path("expires_in").asLong();
            JWTClaimsSet claims = Jwt.verify(fixture.realm.oauth(), response.json().path("access_token").asText());
            assertThat(expiresIn).isBetween(1L, 300L)
                    .isEqualTo((claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        }

        @Test
        @DisplayName("given requested_lifetime 0, negative, fractional or not a number then invalid_request")
        void badLifetime() {
            for (String bad : List.of("0", "-5", "1.5", "soon", "")) {
                JsonResponse response = fixture.exchange(fixture.validExchange().add("requested_lifetime", bad));

                assertOAuthError(response, 400, "invalid_request", "requested_lifetime must be a whole number of seconds of at least 1");
            }
        }

        @Test
        @DisplayName("given requested_token_type refresh_token then invalid_request")
        void refreshTokenRequested() {
            JsonResponse response = fixture.exchange(fixture.validExchange()
                    .add("requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token"));

            assertOAuthError(response, 400, "invalid_request",
                    "requested_token_type must be urn:ietf:params:oauth:token-type:access_token: only access tokens are issued");
        }

        @Test
        @DisplayName("given requested_token_type id_token then invalid_request")
        void idTokenRequested() {
            JsonResponse response = fixture.exchange(fixture.validExchange()
                    .add("requested_token_type", "urn:ietf:params:oauth:token-type:id_token"));

            assertOAuthError(response, 400, "invalid_request",
                    "requested_token_type must be urn:ietf:params:oauth:token-type:access_token: only access tokens are issued");
        }

        @Test
        @DisplayName("given an actor_token then invalid_request")
        void actorToken() {
            JsonResponse response = fixture.exchange(fixture.validExchange()
                    .add("actor_token", fixture.ownToken()).add("actor_token_type", BrokerFixture.ACCESS_TOKEN_TYPE));

            assertOAuthError(response, 400, "invalid_request", "actor_token is not supported: delegation is not allowed");
        }

        @Test
        @DisplayName("given a resource then invalid_target")
        void resource() {
            JsonResponse response = fixture.exchange(fixture.validExchange().add("resource", "https://orders.example/api"));

            assertOAuthError(response, 400, "invalid_target", "resource is not supported: name the target with audience");
        }

        @Test
        @DisplayName("given a missing subject_token then invalid_request")
        void missingSubjectToken() {
            JsonResponse response = fixture.exchange(Form.of("grant_type", BrokerFixture.TOKEN_EXCHANGE, "client_id", INTEGRATION,
                    "client_secret", BrokerFixture.SECRET, "audience", "orders-api", "scope", "orders.read"));

            assertOAuthError(response, 400, "invalid_request", "subject_token is required");
        }

        @Test
        @DisplayName("given a refresh_token subject_token_type then invalid_request")
        void wrongSubjectTokenType() {
            JsonResponse response = fixture.exchange(fixture.validExchange().remove("subject_token_type")
                    .add("subject_token_type", "urn:ietf:params:oauth:token-type:refresh_token"));

            assertOAuthError(response, 400, "invalid_request", "subject_token_type must be urn:ietf:params:oauth:token-type:access_token");
        }

        @Test
        @DisplayName("given the scope parameter twice then Keycloak refuses the duplicate")
        void duplicateScopeParameter() {
            JsonResponse response = fixture.exchange(fixture.validExchange().add("scope", "orders.write"));

            assertOAuthError(response, 400, "invalid_request", "duplicated parameter");
        }
    }
}
