package dev.integrationbroker.lifecycle.rules;

import java.util.Set;

import org.keycloak.Config;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.integrationbroker.lifecycle.policy.RealmPolicy;

/**
 * SPEC §3.4: clients that are never grantable as audiences, whatever an integration's metadata says.
 */
public final class PrivilegedAudiences {

    /** Always privileged, in every realm. */
    public static final Set<String> BUILT_IN = Set.of(Constants.REALM_MANAGEMENT_CLIENT_ID, "master-realm",
            Constants.ADMIN_CONSOLE_CLIENT_ID, Constants.ADMIN_CLI_CLIENT_ID, Constants.ACCOUNT_MANAGEMENT_CLIENT_ID,
            Constants.ACCOUNT_CONSOLE_CLIENT_ID, Constants.BROKER_SERVICE_CLIENT_ID);

    private PrivilegedAudiences() {
    }

    /** Whether {@code clientId} names a privileged client of {@code realm}; unknown ids are checked by name only. */
    public static boolean isPrivileged(KeycloakSession session, RealmModel realm, RealmPolicy policy, String clientId) {
        if (BUILT_IN.contains(clientId) || policy.privilegedAudiences().contains(clientId)) {
            return true;
        }
        if (inAdminRealm(realm) && clientId.endsWith("-realm")) {
            // the master realm's <realm>-realm clients administer whole realms
            return true;
        }
        ClientModel client = realm.getClientByClientId(clientId);
        return client != null && holdsRealmManagementRole(session, realm, client);
    }

    private static boolean holdsRealmManagementRole(KeycloakSession session, RealmModel realm, ClientModel client) {
        if (!client.isServiceAccountsEnabled()) {
            return false;
        }
        UserModel serviceAccount = session.users().getServiceAccount(client);
        if (serviceAccount == null) {
            return false;
        }
        if (inAdminRealm(realm)) {
            return realm.getClientsStream().filter(c -> c.getClientId().endsWith("-realm"))
                    .flatMap(ClientModel::getRolesStream).anyMatch(serviceAccount::hasRole)
                    || (realm.getRole(AdminRoles.ADMIN) != null && serviceAccount.hasRole(realm.getRole(AdminRoles.ADMIN)));
        }
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return management != null && management.getRolesStream().anyMatch(serviceAccount::hasRole);
    }

    private static boolean inAdminRealm(RealmModel realm) {
        return realm.getName().equals(Config.getAdminRealm());
    }
}
