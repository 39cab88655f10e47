package dev.integrationbroker.lifecycle.scheduled;

import java.time.Duration;
import java.util.Map;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.utils.KeycloakModelUtils;

/** A {@link LeaseStore} in Keycloak's single-use store, replicated to every node of the cluster. */
final class SingleUseLeaseStore implements LeaseStore {

    private static final String OWNER = "owner";

    private final KeycloakSessionFactory factory;

    SingleUseLeaseStore(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public boolean take(String key, String owner, Duration lifespan) {
        boolean[] taken = {false};
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            SingleUseObjectProvider store = session.singleUseObjects();
            taken[0] = store.putIfAbsent(key, lifespan.toSeconds());
            if (taken[0]) {
                store.put(key, lifespan.toSeconds(), Map.of(OWNER, owner));
            }
        });
        return taken[0];
    }

    @Override
    public boolean renew(String key, String owner, Duration lifespan) {
        boolean[] renewed = {false};
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            SingleUseObjectProvider store = session.singleUseObjects();
            Map<String, String> held = store.get(key);
            if (held == null || owner.equals(held.get(OWNER))) {
                store.put(key, lifespan.toSeconds(), Map.of(OWNER, owner));
                renewed[0] = true;
            }
        });
        return renewed[0];
    }

    @Override
    public void release(String key, String owner) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            Map<String, String> held = session.singleUseObjects().get(key);
            if (held != null && owner.equals(held.get(OWNER))) {
                session.singleUseObjects().remove(key);
            }
        });
    }
}
