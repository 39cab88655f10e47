package dev.integrationbroker.it.harness;

import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/** Decodes and verifies tokens the server issued, against the realm's published JWKS. */
public final class Jwt {

    private Jwt() {
    }

    /** Verifies the RS256 signature against the realm JWKS (and exp/nbf) and returns the claims. */
    public static JWTClaimsSet verify(OAuthClient realm, String token) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(realm.jwks())));
        try {
            return processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("token does not verify against the realm JWKS: " + e.getMessage(), e);
        }
    }

    /** The claims without verification (for tokens a test minted itself). */
    public static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + token, e);
        }
    }
}
