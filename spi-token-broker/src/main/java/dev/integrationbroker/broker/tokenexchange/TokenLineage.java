package dev.integrationbroker.broker.tokenexchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.AccessToken;

/**
 * SPEC §3.5 lineage: each brokered token records its parent (the subject token's {@code jti}) in Keycloak's
 * cluster-wide single-use object store, for exactly the token's lifetime. When a token is introspected and an
 * ancestor has been revoked (RFC 7009), the token is revoked too, before Keycloak answers, so it reads inactive.
 */
public final class TokenLineage {

    static final String KEY_PREFIX = "integration-broker.lineage.";
    static final String PARENT = "parent";
    /** Brokered tokens can themselves be subject tokens; the walk up the lineage is bounded. */
    static final int MAX_DEPTH = 8;

    private TokenLineage() {
    }

    /** Records that {@code childJti} was exchanged from {@code parentJti}; kept {@code ttlSeconds}. */
    static void record(KeycloakSession session, String childJti, String parentJti, long ttlSeconds) {
        session.singleUseObjects().put(KEY_PREFIX + childJti, Math.max(1, ttlSeconds), Map.of(PARENT, parentJti));
    }

    /**
     * Before an introspection: if the token is a brokered token whose parent, grandparent, ... was revoked,
     * revokes it. Unparseable tokens are left to Keycloak, which rejects them.
     */
    public static void propagateRevocation(KeycloakSession session, String encodedToken, long now) {
        AccessToken token = parse(encodedToken);
        if (token == null || token.getId() == null || token.getExp() == null || token.getExp() <= now) {
            return;
        }
        String current = token.getId();
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Map<String, String> lineage = session.singleUseObjects().get(KEY_PREFIX + current);
            if (lineage == null || lineage.get(PARENT) == null) {
                return;
            }
            String parent = lineage.get(PARENT);
            if (session.revokedTokens().contains(parent)) {
                session.revokedTokens().put(token.getId(), token.getExp() - now);
                return;
            }
            current = parent;
        }
    }

    /** SHA-256 of a jti, lowercase hex: the only form in which a jti leaves the token (events, audit). */
    public static String sha256(String jti) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jti.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static AccessToken parse(String encoded) {
        if (encoded == null || encoded.length() > 20_000) {
            return null;
        }
        try {
            return new JWSInput(encoded).readJsonContent(AccessToken.class);
        } catch (JWSInputException | RuntimeException e) {
            return null;
        }
    }
}
