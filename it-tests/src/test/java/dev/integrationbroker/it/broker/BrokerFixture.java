package dev.integrationbroker.it.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.integrationbroker.it.harness.Form;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.KnownRsaKey;
import dev.integrationbroker.it.harness.TestRealm;

/** The {@code broker} realm fixture and the calls the broker tests make against it. */
final class BrokerFixture implements AutoCloseable {

    static final String INTEGRATION = "crm";
    static final String SECRET = "crm-secret";
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    final KeycloakServer server;
    final TestRealm realm;
    final KnownRsaKey key;

    BrokerFixture(KeycloakServer server) {
        this.server = server;
        this.realm = TestRealm.create(server, "broker");
        this.key = KnownRsaKey.importInto(server, realm);
    }

    /** A client_credentials token of the integration (its own service-account token). */
    String ownToken() {
        JsonResponse response = realm.oauth().clientCredentials(INTEGRATION, SECRET, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }

    /** A user token of carol through the public frontend client; its aud holds the integration. */
    String userToken(String scope) {
        JsonResponse response = realm.oauth().token(Form.of("grant_type", "password", "client_id", "frontend",
                "username", "carol", "password", "carol-password", "scope", scope));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }

    /** A token-exchange form authenticated as the integration, with the given subject token. */
    Form exchangeForm(String subjectToken) {
        return Form.of("grant_type", TOKEN_EXCHANGE, "client_id", INTEGRATION, "client_secret", SECRET,
                "subject_token", subjectToken, "subject_token_type", ACCESS_TOKEN_TYPE);
    }

    /** The usual valid request: own token, orders-api, orders.read. */
    Form validExchange() {
        return exchangeForm(ownToken()).add("audience", "orders-api").add("scope", "orders.read");
    }

    JsonResponse exchange(Form form) {
        return realm.oauth().token(form);
    }

    /** Claims of a plausible own service-account token, signed by the test's known realm key. */
    JWTClaimsSet.Builder ownTokenClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(realm.oauth().issuer())
                .subject(realm.serviceAccountId(INTEGRATION))
                .claim("azp", INTEGRATION)
                .claim("typ", "Bearer")
                .claim("scope", "profile email")
                .jwtID("trrtcc:" + UUID.randomUUID())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    @Override
    public void close() {
        realm.close();
    }
}
