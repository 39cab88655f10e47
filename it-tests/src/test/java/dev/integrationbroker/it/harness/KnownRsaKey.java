package dev.integrationbroker.it.harness;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An RSA key whose private half the test knows, imported into a test realm as its highest-priority
 * signing key. Tests use it to mint tokens the realm considers validly signed, with any claims
 * (expired, future {@code iat}, no {@code exp}, ...), for the forged-token cases.
 */
public final class KnownRsaKey {

    private final KeyPair keyPair;
    private final String kid;

    private KnownRsaKey(KeyPair keyPair, String kid) {
        this.keyPair = keyPair;
        this.kid = kid;
    }

    /** Generates a key pair and installs it in {@code realm} with priority 1000 (above the generated keys). */
    public static KnownRsaKey importInto(KeycloakServer server, TestRealm realm) {
        KeyPair pair = generate();
        String realmId = server.admin().getOk(realm.adminPath("")).get("id").asText();
        Map<String, Object> component = Map.of(
                "name", "known-test-key",
                "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId,
                "config", Map.of(
                        "priority", List.of("1000"),
                        "enabled", List.of("true"),
                        "active", List.of("true"),
                        "algorithm", List.of("RS256"),
                        "privateKey", List.of(pem(pair))));
        JsonResponse created = server.admin().post(realm.adminPath("/components"), component);
        if (created.status() != 201) {
            throw new AssertionError("cannot import the known RSA key: " + created);
        }
        String location = created.header("Location");
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        for (JsonNode key : server.admin().getOk(realm.adminPath("/keys")).get("keys")) {
            if (componentId.equals(key.path("providerId").asText())) {
                return new KnownRsaKey(pair, key.get("kid").asText());
            }
        }
        throw new AssertionError("imported key " + componentId + " not listed in the realm keys");
    }

    /** The key id the realm publishes for this key. */
    public String kid() {
        return kid;
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    /** Signs the claims with RS256 under this key's kid. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keyPair.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign test token", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }
}
