package dev.integrationbroker.audit.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RealmProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;

/**
 * Mockito stand-ins for the Keycloak models the listener reads: one realm ({@value #REALM_ID}, name
 * {@value #REALM_NAME}) with clients added by the test, session attributes kept in a map, and admin users.
 */
public final class FakeKeycloak {

    public static final String REALM_ID = "6a0f7c52-0000-4000-8000-000000000001";
    public static final String REALM_NAME = "acme-corp";
    public static final String ADMIN_REALM_ID = "master-id";

    public final KeycloakSession session = mock(KeycloakSession.class);
    public final RealmModel realm = mock(RealmModel.class);
    public final RealmModel adminRealm = mock(RealmModel.class);
    public final KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
    private final RealmProvider realms = mock(RealmProvider.class);
    private final UserProvider users = mock(UserProvider.class);
    private final Map<String, Object> sessionAttributes = new HashMap<>();

    public FakeKeycloak() {
        lenient().when(session.realms()).thenReturn(realms);
        lenient().when(session.users()).thenReturn(users);
        lenient().when(session.getTransactionManager()).thenReturn(transactions);
        lenient().when(realms.getRealm(REALM_ID)).thenReturn(realm);
        lenient().when(realms.getRealm(ADMIN_REALM_ID)).thenReturn(adminRealm);
        lenient().when(realm.getId()).thenReturn(REALM_ID);
        lenient().when(realm.getName()).thenReturn(REALM_NAME);
        lenient().when(session.getAttribute(anyString())).thenAnswer(call -> sessionAttributes.get(call.<String>getArgument(0)));
        lenient().when(session.getAttribute(anyString(), any())).thenAnswer(call -> sessionAttributes.get(call.<String>getArgument(0)));
        lenient().doAnswer(call -> sessionAttributes.put(call.getArgument(0), call.getArgument(1))).when(session).setAttribute(anyString(), any());
    }

    /** Stores a realm policy (JSON, partial) as the lifecycle module does. */
    public FakeKeycloak policy(String json) {
        lenient().when(realm.getAttribute(RealmPolicyStore.ATTRIBUTE)).thenReturn(json);
        return this;
    }

    /** A confidential service-account client with these attributes. */
    public ClientModel client(String id, String clientId, Map<String, String> attributes) {
        ClientModel client = mock(ClientModel.class);
        Map<String, String> live = new HashMap<>(attributes);
        lenient().when(client.getId()).thenReturn(id);
        lenient().when(client.getClientId()).thenReturn(clientId);
        lenient().when(client.getRealm()).thenReturn(realm);
        lenient().when(client.getAttributes()).thenAnswer(call -> Map.copyOf(live));
        lenient().when(client.getAttribute(anyString())).thenAnswer(call -> live.get(call.<String>getArgument(0)));
        lenient().when(client.isServiceAccountsEnabled()).thenReturn(true);
        lenient().when(realm.getClientByClientId(clientId)).thenReturn(client);
        lenient().when(realm.getClientById(id)).thenReturn(client);
        return client;
    }

    /** An administrator of the admin realm. */
    public void admin(String userId, String username) {
        UserModel user = mock(UserModel.class);
        lenient().when(user.getUsername()).thenReturn(username);
        lenient().when(users.getUserById(eq(adminRealm), eq(userId))).thenReturn(user);
    }

    public Map<String, Object> sessionAttributes() {
        return sessionAttributes;
    }
}
