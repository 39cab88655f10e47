package dev.integrationbroker.broker.tokenexchange;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.rules.PrivilegedAudiences;

/**
 * The registered ceiling (SPEC §3.1): the subject must belong to the integration, every audience and scope
 * must be registered, and a user's token can only be narrowed. Nothing is silently dropped.
 */
final class GrantCeiling {

    /** Same text for unknown, unregistered and privileged audiences, so callers cannot probe for clients. */
    static final String AUDIENCE_REFUSED = "audience is not allowed for this integration";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RealmPolicy policy;
    private final ClientModel client;
    private final Integration integration;

    GrantCeiling(KeycloakSession session, RealmModel realm, RealmPolicy policy, ClientModel client, Integration integration) {
        this.session = session;
        this.realm = realm;
        this.policy = policy;
        this.client = client;
        this.integration = integration;
    }

    /** Whether the subject token is the integration's own service-account token. */
    boolean isOwnServiceAccountToken(AccessToken subject) {
        if (!client.getClientId().equals(subject.getIssuedFor())) {
            return false;
        }
        var serviceAccount = session.users().getServiceAccount(client);
        return serviceAccount != null && serviceAccount.getId().equals(subject.getSubject());
    }

    void checkSubject(AccessToken subject) {
        if (isOwnServiceAccountToken(subject)) {
            return;
        }
        if (subject.getAudience() == null || !Arrays.asList(subject.getAudience()).contains(client.getClientId())) {
            throw new ExchangeRefusal(OAuthErrorException.INVALID_REQUEST,
                    "subject_token was not issued to this integration nor for it (aud)", "subject_token not for this integration");
        }
    }

    void checkAudiences(List<String> audiences) {
        List<String> allowed = integration.allowedAudiences();
        for (String audience : audiences) {
            ClientModel target = realm.getClientByClientId(audience);
            boolean grantable = target != null && target.isEnabled() && allowed.contains(audience)
                    && !PrivilegedAudiences.isPrivileged(session, realm, policy, audience);
            if (!grantable) {
                throw new ExchangeRefusal(OAuthErrorException.INVALID_TARGET, AUDIENCE_REFUSED,
                        "audience refused: " + ErrorDescriptions.echo(audience));
            }
        }
    }

    void checkScopes(Set<String> scopes, AccessToken subject) {
        List<String> allowed = integration.allowedScopes();
        for (String scope : scopes) {
            if (!allowed.contains(scope)) {
                throw new ExchangeRefusal(OAuthErrorException.INVALID_SCOPE,
                        "scope is not allowed for this integration: " + ErrorDescriptions.echo(scope), "scope not allowed");
            }
        }
        if (isOwnServiceAccountToken(subject)) {
            return;
        }
        Set<String> held = Set.of(subject.getScope() == null ? new String[0] : subject.getScope().trim().split(" +"));
        for (String scope : scopes) {
            if (!held.contains(scope)) {
                throw new ExchangeRefusal(OAuthErrorException.INVALID_SCOPE,
                        "scope exceeds the subject_token's scope: " + ErrorDescriptions.echo(scope), "scope beyond subject");
            }
        }
    }
}
