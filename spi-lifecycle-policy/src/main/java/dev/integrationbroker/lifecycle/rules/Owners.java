package dev.integrationbroker.lifecycle.rules;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.integrationbroker.lifecycle.model.Integration;

/** Looks up an integration's two owners among the realm's users. */
public final class Owners {

    private Owners() {
    }

    /** {@link OwnerState#MISSING} wins over {@link OwnerState#DISABLED} when the owners differ in state. */
    public static OwnerState state(KeycloakSession session, RealmModel realm, Integration integration) {
        OwnerState business = state(session, realm, integration.businessOwner());
        OwnerState technical = state(session, realm, integration.technicalOwner());
        if (business == OwnerState.MISSING || technical == OwnerState.MISSING) {
            return OwnerState.MISSING;
        }
        return business == OwnerState.DISABLED || technical == OwnerState.DISABLED ? OwnerState.DISABLED : OwnerState.VALID;
    }

    /** The state of one owner username (null counts as missing). */
    public static OwnerState state(KeycloakSession session, RealmModel realm, String username) {
        if (username == null) {
            return OwnerState.MISSING;
        }
        UserModel user = session.users().getUserByUsername(realm, username);
        if (user == null || user.getServiceAccountClientLink() != null) {
            return OwnerState.MISSING;
        }
        return user.isEnabled() ? OwnerState.VALID : OwnerState.DISABLED;
    }
}
