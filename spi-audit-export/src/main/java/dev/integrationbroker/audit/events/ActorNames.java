package dev.integrationbroker.audit.events;

import org.keycloak.events.admin.AuthDetails;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The {@code actor} of an admin record: the administrator's username in their own realm. */
final class ActorNames {

    private ActorNames() {
    }

    static String of(KeycloakSession session, AuthDetails auth) {
        if (auth == null) {
            return null;
        }
        if (auth.getUserId() != null) {
            RealmModel authRealm = auth.getRealmId() == null ? null : session.realms().getRealm(auth.getRealmId());
            UserModel user = authRealm == null ? null : session.users().getUserById(authRealm, auth.getUserId());
            return user != null ? user.getUsername() : auth.getUserId();
        }
        return auth.getClientId();
    }
}
