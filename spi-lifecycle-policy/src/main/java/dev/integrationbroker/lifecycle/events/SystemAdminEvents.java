package dev.integrationbroker.lifecycle.events;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Admin events for changes the extension makes on its own (the lifecycle sweep), so they reach the realm's
 * admin-event store and every event listener exactly like changes made by an administrator. The actor is
 * recorded as the client {@value #ACTOR}.
 */
public final class SystemAdminEvents {

    public static final String ACTOR = "integration-lifecycle";
    private static final Logger LOG = Logger.getLogger(SystemAdminEvents.class);

    private SystemAdminEvents() {
    }

    public static void send(KeycloakSession session, RealmModel realm, String resourcePath, String representation) {
        AdminEvent event = new AdminEvent();
        event.setId(UUID.randomUUID().toString());
        event.setTime(System.currentTimeMillis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        event.setOperationType(OperationType.ACTION);
        event.setResourceType(ResourceType.CLIENT);
        event.setResourcePath(resourcePath);
        event.setRepresentation(representation);
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        auth.setClientId(ACTOR);
        auth.setIpAddress("127.0.0.1");
        event.setAuthDetails(auth);

        if (realm.isAdminEventsEnabled()) {
            EventStoreProvider store = session.getProvider(EventStoreProvider.class);
            if (store != null) {
                store.onEvent(event, true);
            }
        }
        Set<String> realmListeners = new HashSet<>(realm.getEventsListenersStream().toList());
        session.getKeycloakSessionFactory().getProviderFactoriesStream(EventListenerProvider.class)
                .filter(f -> realmListeners.contains(f.getId()) || ((EventListenerProviderFactory) f).isGlobal())
                .forEach(f -> {
                    try {
                        session.getProvider(EventListenerProvider.class, f.getId()).onEvent(event, true);
                    } catch (RuntimeException e) {
                        LOG.warnf("event listener %s failed on a lifecycle event: %s", f.getId(), e.getMessage());
                    }
                });
    }
}
