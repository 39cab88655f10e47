package dev.integrationbroker.it.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.KnownRsaKey;
import dev.integrationbroker.it.harness.TestRealm;

@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("known RSA key fixture")
class KnownRsaKeyIT {

    private TestRealm realm;
    private KnownRsaKey key;

    @BeforeAll
    void createRealm(KeycloakServer server) {
        realm = TestRealm.create(server, "basic");
        key = KnownRsaKey.importInto(server, realm);
    }

    @AfterAll
    void deleteRealm() {
        realm.close();
    }

    @Test
    @DisplayName("given the imported key then the realm signs its own tokens with it")
    void realmSignsWithTheKnownKey() throws Exception {
        JsonResponse response = realm.oauth().clientCredentials("svc", "svc-secret", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);

        SignedJWT token = SignedJWT.parse(response.json().get("access_token").asText());
        assertThat(token.getHeader().getKeyID()).isEqualTo(key.kid());
        assertThat(token.verify(new RSASSAVerifier(key.publicKey()))).isTrue();
    }

    @Test
    @DisplayName("given claims chosen by the test then the minted token verifies against the realm JWKS")
    void mintedTokenVerifiesAgainstJwks() throws Exception {
        String minted = key.sign(new JWTClaimsSet.Builder()
                .issuer(realm.oauth().issuer())
                .subject("anyone")
                .issueTime(new Date())
                .build());

        RSAKey published = (RSAKey) realm.oauth().jwks().getKeyByKeyId(key.kid());
        assertThat(published).as("key %s in the realm JWKS", key.kid()).isNotNull();
        assertThat(SignedJWT.parse(minted).verify(new RSASSAVerifier(published))).isTrue();
    }
}
