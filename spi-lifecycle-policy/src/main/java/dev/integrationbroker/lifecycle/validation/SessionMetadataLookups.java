package dev.integrationbroker.lifecycle.validation;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.rules.OwnerState;
import dev.integrationbroker.lifecycle.rules.Owners;
import dev.integrationbroker.lifecycle.rules.PrivilegedAudiences;

/** {@link MetadataLookups} against the realm of a live session. */
public record SessionMetadataLookups(KeycloakSession session, RealmModel realm, RealmPolicy policy) implements MetadataLookups {

    @Override
    public OwnerState owner(String username) {
        return Owners.state(session, realm, username);
    }

    @Override
    public boolean clientExists(String clientId) {
        return realm.getClientByClientId(clientId) != null;
    }

    @Override
    public boolean privilegedAudience(String clientId) {
        return PrivilegedAudiences.isPrivileged(session, realm, policy, clientId);
    }

    @Override
    public boolean clientScopeExists(String name) {
        return KeycloakModelUtils.getClientScopeByName(realm, name) != null;
    }
}
