package dev.integrationbroker.broker.tokenexchange;

import java.util.Locale;

import org.keycloak.OAuthErrorException;
import org.keycloak.TokenVerifier;
import org.keycloak.common.VerificationException;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.util.TokenUtil;

/**
 * SPEC §3.1 subject-token rules: an access token signed with an asymmetric key of this realm, issued by it,
 * with {@code exp} in the future and {@code iat} not in the future, and still active (not-before, revocation,
 * session, user and client). Every failure is {@code invalid_request}; the event reason says which rule.
 */
final class SubjectTokenValidator {

    static final int IAT_SKEW_SECONDS = 10;
    private static final String INVALID = "subject_token is invalid";

    private final KeycloakSession session;
    private final RealmModel realm;

    SubjectTokenValidator(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    AccessToken validate(String encoded, long now) {
        AccessToken token = verifySignature(encoded);
        if (token.getExp() == null || token.getExp() == 0) {
            throw refusal("subject_token has no exp", "subject_token without exp");
        }
        if (token.getExp() <= now) {
            throw refusal("subject_token is expired", "subject_token expired");
        }
        if (token.getIat() == null || token.getIat() > now + IAT_SKEW_SECONDS) {
            throw refusal("subject_token iat is missing or in the future", "subject_token iat in the future");
        }
        if (token.getId() == null) {
            throw refusal(INVALID, "subject_token without jti");
        }
        checkActive(token);
        return token;
    }

    private AccessToken verifySignature(String encoded) {
        JWSInput jws;
        try {
            jws = new JWSInput(encoded);
        } catch (JWSInputException e) {
            throw refusal(INVALID, "subject_token is not a JWS");
        }
        String alg = jws.getHeader().getRawAlgorithm();
        if (alg == null || "none".equals(alg.toLowerCase(Locale.ROOT))) {
            throw refusal("subject_token is not signed", "subject_token alg none");
        }
        SignatureProvider provider = session.getProvider(SignatureProvider.class, alg);
        if (provider == null || !provider.isAsymmetricAlgorithm()) {
            // HMAC here would let a caller sign with a public key taken as a shared secret
            throw refusal("subject_token must be signed with an asymmetric key of this realm", "subject_token alg " + ErrorDescriptions.echo(alg));
        }
        try {
            return TokenVerifier.create(encoded, AccessToken.class)
                    .realmUrl(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()))
                    .checkActive(false)
                    .checkTokenType(true)
                    .tokenType(java.util.List.of(TokenUtil.TOKEN_TYPE_BEARER))
                    .verifierContext(provider.verifier(jws.getHeader().getKeyId()))
                    .verify()
                    .getToken();
        } catch (VerificationException e) {
            throw refusal(INVALID, "subject_token verification failed: " + ErrorDescriptions.echo(e.getMessage()));
        }
    }

    private void checkActive(AccessToken token) {
        ClientModel issuedFor = token.getIssuedFor() == null ? null : realm.getClientByClientId(token.getIssuedFor());
        if (issuedFor == null || !issuedFor.isEnabled()) {
            throw refusal("subject_token is not active", "subject_token client missing or disabled");
        }
        if (token.getIat() < realm.getNotBefore() || token.getIat() < issuedFor.getNotBefore()) {
            throw refusal("subject_token is not active", "subject_token issued before not-before");
        }
        if (session.revokedTokens().contains(token.getId())) {
            throw refusal("subject_token is not active", "subject_token revoked");
        }
        UserModel user = token.getSubject() == null ? null : session.users().getUserById(realm, token.getSubject());
        if (user == null || !user.isEnabled()) {
            throw refusal("subject_token is not active", "subject_token user missing or disabled");
        }
        if (token.getSessionId() != null && !sessionActive(token.getSessionId(), user)) {
            throw refusal("subject_token is not active", "subject_token session ended");
        }
    }

    private boolean sessionActive(String sessionId, UserModel user) {
        UserSessionModel userSession = session.sessions().getUserSession(realm, sessionId);
        if (userSession == null) {
            userSession = session.sessions().getOfflineUserSession(realm, sessionId);
        }
        return userSession != null && userSession.getUser() != null && userSession.getUser().getId().equals(user.getId())
                && userSession.getState() != UserSessionModel.State.LOGGED_OUT;
    }

    private static ExchangeRefusal refusal(String description, String reason) {
        return new ExchangeRefusal(OAuthErrorException.INVALID_REQUEST, description, reason);
    }
}
