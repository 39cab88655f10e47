package dev.integrationbroker.it.broker;

import static dev.integrationbroker.it.broker.BrokerFixture.INTEGRATION;
import static dev.integrationbroker.it.broker.ErrorAssert.assertOAuthError;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("subject token validation")
class SubjectTokenIT {

    private BrokerFixture fixture;

    @BeforeAll
    void createRealm(KeycloakServer server) {
        fixture = new BrokerFixture(server);
    }

    @AfterAll
    void deleteRealm() {
        fixture.close();
    }

    private JsonResponse exchangeWith(String subjectToken) {
        return fixture.exchange(fixture.exchangeForm(subjectToken).add("audience", "orders-api").add("scope", "orders.read"));
    }

    @Test
    @DisplayName("given a control token minted with the known key then it is accepted (the fixture is sound)")
    void controlTokenAccepted() {
        JsonResponse response = exchangeWith(fixture.key.sign(fixture.ownTokenClaims().build()));

        org.assertj.core.api.Assertions.assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    @DisplayName("given a subject_token that is not a JWT then invalid_request")
    void garbage() {
        assertOAuthError(exchangeWith("not-a-token"), 400, "invalid_request", "subject_token is invalid");
    }

    @Test
    @DisplayName("given an expired subject_token then invalid_request")
    void expired() {
        Instant past = Instant.now().minusSeconds(600);
        String token = fixture.key.sign(fixture.ownTokenClaims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build());

        assertOAuthError(exchangeWith(token), 400, "invalid_request", "subject_token is expired");
    }

    @Test
    @DisplayName("given a subject_token without exp then invalid_request")
    void noExp() {
        String token = fixture.key.sign(fixture.ownTokenClaims().expirationTime(null).build());

        assertOAuthError(exchangeWith(token), 400, "invalid_request", "subject_token has no exp");
    }

    @Test
    @DisplayName("given a subject_token issued a minute in the future then invalid_request")
    void futureIat() {
        String token = fixture.key.sign(fixture.ownTokenClaims().issueTime(Date.from(Instant.now().plusSeconds(60))).build());

        assertOAuthError(exchangeWith(token), 400, "invalid_request", "subject_token iat is missing or in the future");
    }

    @Test
    @DisplayName("given an unsigned (alg none) subject_token then invalid_request")
    void algNone() {
        String token = new PlainJWT(fixture.ownTokenClaims().build()).serialize();

        assertOAuthError(exchangeWith(token), 400, "invalid_request", "subject_token is not signed");
    }

    @Test
    @DisplayName("given a token HMAC-signed with the realm's public key as secret then invalid_request")
    void hmacConfusion() throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(fixture.key.kid()).build(), fixture.ownTokenClaims().build());
        token.sign(new MACSigner(fixture.key.publicKey().getEncoded()));

        assertOAuthError(exchangeWith(token.serialize()), 400, "invalid_request",
                "subject_token must be signed with an asymmetric key of this realm");
    }

    @Test
    @DisplayName("given a token whose payload was altered after signing then invalid_request")
    void tampered() {
        String[] parts = fixture.key.sign(fixture.ownTokenClaims().build()).split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                fixture.ownTokenClaims().claim("scope", "orders.read orders.write admin").build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertOAuthError(exchangeWith(parts[0] + "." + forgedPayload + "." + parts[2]), 400, "invalid_request", "subject_token is invalid");
    }

    @Test
    @DisplayName("given a token of another realm then invalid_request")
    void otherRealm() {
        try (TestRealm other = TestRealm.create(fixture.server, "basic")) {
            String foreign = other.oauth().clientCredentials("svc", "svc-secret", null).json().path("access_token").asText();

            assertOAuthError(exchangeWith(foreign), 400, "invalid_request", "subject_token is invalid");
        }
    }

    @Test
    @DisplayName("given a token issued before its client's not-before then invalid_request")
    void beforeNotBefore() {
        String uuid = fixture.realm.clientUuid("frontend");
        String token = fixture.key.sign(userTokenClaims("frontend").issueTime(Date.from(Instant.now().minusSeconds(30))).build());
        var frontend = fixture.realm.client("frontend");
        frontend.put("notBefore", Instant.now().getEpochSecond() - 5);
        fixture.server.admin().put(fixture.realm.adminPath("/clients/" + uuid), frontend);
        try {
            assertOAuthError(exchangeWith(token), 400, "invalid_request", "subject_token is not active");
        } finally {
            frontend.put("notBefore", 0);
            fixture.server.admin().put(fixture.realm.adminPath("/clients/" + uuid), frontend);
        }
    }

    @Test
    @DisplayName("given a token of a disabled client then invalid_request")
    void disabledClient() {
        String token = fixture.key.sign(userTokenClaims("retired-frontend").build());

        assertOAuthError(exchangeWith(token), 400, "invalid_request", "subject_token is not active");
    }

    @Test
    @DisplayName("given a token revoked at the RFC 7009 endpoint then invalid_request")
    void revoked() {
        String token = fixture.userToken("orders.read");
        JsonResponse revoked = fixture.realm.oauth().revoke(token, "frontend");
        org.assertj.core.api.Assertions.assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        assertOAuthError(exchangeWith(token), 400, "invalid_request", "subject_token is not active");
    }

    @Test
    @DisplayName("given a user's token whose aud does not name the integration then invalid_request")
    void notForThisIntegration() {
        String token = fixture.key.sign(userTokenClaims("frontend").audience("orders-api").build());

        assertOAuthError(exchangeWith(token), 400, "invalid_request", "subject_token was not issued to this integration nor for it (aud)");
    }

    @Test
    @DisplayName("given an ID token as subject_token then invalid_request")
    void idToken() {
        String token = fixture.key.sign(userTokenClaims("frontend").claim("typ", "ID").build());

        assertOAuthError(exchangeWith(token), 400, "invalid_request", "subject_token is invalid");
    }

    private JWTClaimsSet.Builder userTokenClaims(String azp) {
        return fixture.ownTokenClaims()
                .subject(fixture.realm.userId("carol"))
                .claim("azp", azp)
                .audience(INTEGRATION)
                .claim("scope", "orders.read");
    }
}
