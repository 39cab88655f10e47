package dev.integrationbroker.broker.tokenexchange;

import java.util.List;
import java.util.Set;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.encode.AccessTokenContext;
import org.keycloak.protocol.oidc.encode.TokenContextEncoderProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.util.TokenUtil;

/**
 * Builds and signs the brokered access token with the realm's active key. It carries only the claims of
 * SPEC §3.1 and no session id: no user session is created, and Keycloak's introspection treats it as a
 * transient token-exchange token (its {@code jti} says so).
 */
final class BrokeredTokenMinter {

    private final KeycloakSession session;
    private final RealmModel realm;

    BrokeredTokenMinter(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** A minted token: the signed JWT and its claims. */
    record Minted(String encoded, AccessToken claims) {
    }

    Minted mint(ClientModel client, String subject, List<String> audiences, Set<String> scopes, long iat, long ttl) {
        TokenContextEncoderProvider encoder = session.getProvider(TokenContextEncoderProvider.class);
        AccessToken token = new AccessToken();
        token.id(encoder.encodeTokenId(new AccessTokenContext(AccessTokenContext.SessionType.TRANSIENT,
                AccessTokenContext.TokenType.REGULAR, OAuth2Constants.TOKEN_EXCHANGE_GRANT_TYPE, KeycloakModelUtils.generateId())));
        token.issuer(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        token.subject(subject);
        token.audience(audiences.toArray(String[]::new));
        token.issuedFor(client.getClientId());
        token.type(TokenUtil.TOKEN_TYPE_BEARER);
        token.setScope(String.join(" ", scopes));
        token.iat(iat);
        token.exp(iat + ttl);
        return new Minted(session.tokens().encode(token), token);
    }
}
