package dev.integrationbroker.lifecycle.clientregistration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import org.keycloak.common.VerificationException;
import org.keycloak.crypto.AsymmetricSignatureVerifierContext;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.jwk.JSONWebKeySet;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.util.JWKSUtils;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 7591 §2.3 software statements: a JWT signed by a key of the realm policy's {@code software-statement-keys}
 * whose claims are client metadata, taking precedence over the same members sent in the clear.
 */
final class SoftwareStatement {

    static final String CLAIM = "software_statement";

    private SoftwareStatement() {
    }

    /** Verifies the statement and returns its claims; refuses with the RFC 7591 codes. */
    static ObjectNode verify(String statement, String trustedJwks, Instant now) {
        if (trustedJwks == null) {
            throw DcrRefusal.unapprovedStatement("this realm trusts no software statement keys (realm policy software-statement-keys)");
        }
        JWSInput jws;
        try {
            jws = new JWSInput(statement);
        } catch (JWSInputException e) {
            throw DcrRefusal.invalidStatement("software_statement is not a signed JWT");
        }
        String alg = jws.getHeader().getRawAlgorithm();
        if (alg == null || "none".equals(alg.toLowerCase(Locale.ROOT)) || alg.startsWith("HS")) {
            throw DcrRefusal.invalidStatement("software_statement must be signed with an asymmetric key");
        }
        KeyWrapper key = trustedKey(trustedJwks, jws.getHeader().getKeyId());
        key.setAlgorithm(alg);
        try {
            if (!new AsymmetricSignatureVerifierContext(key).verify(jws.getEncodedSignatureInput().getBytes(StandardCharsets.UTF_8), jws.getSignature())) {
                throw DcrRefusal.invalidStatement("software_statement signature is invalid");
            }
        } catch (VerificationException | RuntimeException e) {
            if (e instanceof org.keycloak.services.ErrorResponseException refusal) {
                throw refusal;
            }
            throw DcrRefusal.invalidStatement("software_statement signature is invalid");
        }
        JsonNode claims;
        try {
            claims = JsonSerialization.mapper.readTree(jws.getContent());
        } catch (java.io.IOException e) {
            throw DcrRefusal.invalidStatement("software_statement claims are not a JSON object");
        }
        if (!(claims instanceof ObjectNode object)) {
            throw DcrRefusal.invalidStatement("software_statement claims are not a JSON object");
        }
        if (object.has("exp") && (!object.get("exp").isNumber() || object.get("exp").asLong() <= now.getEpochSecond())) {
            throw DcrRefusal.invalidStatement("software_statement is expired");
        }
        return object;
    }

    private static KeyWrapper trustedKey(String trustedJwks, String kid) {
        JSONWebKeySet keys;
        try {
            keys = JsonSerialization.readValue(trustedJwks, JSONWebKeySet.class);
        } catch (java.io.IOException e) {
            throw DcrRefusal.unapprovedStatement("the realm's software-statement-keys cannot be read");
        }
        if (keys.getKeys() != null) {
            for (JWK jwk : keys.getKeys()) {
                if (kid == null || kid.equals(jwk.getKeyId())) {
                    KeyWrapper wrapper = JWKSUtils.getKeyWrapper(jwk);
                    if (wrapper != null) {
                        return wrapper;
                    }
                }
            }
        }
        throw DcrRefusal.unapprovedStatement("software_statement is signed by a key this realm does not trust");
    }
}
