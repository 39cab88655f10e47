package dev.integrationbroker.lifecycle.scheduled;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Reads a client as committed in the database rather than as this node's realm cache remembers it. Keycloak
 * invalidates other nodes' caches after a commit; a node that dies between the two leaves them stale, and a
 * lifecycle decision to write must not rest on that. Registering the client's invalidation makes this session
 * read the row and, on commit, re-sends the invalidation to the cluster. The realm cache's provider interface
 * lives in a Keycloak module that is not published on Maven Central with its parent, so it is looked up by name.
 */
final class CommittedClient {

    static final String CACHE_PROVIDER = "org.keycloak.models.cache.CacheRealmProvider";
    private static final Lookup LOOKUP = Lookup.resolve();

    private CommittedClient() {
    }

    /** The committed row of {@code cached}, or {@code cached} itself where no realm cache is in use. */
    static ClientModel of(KeycloakSession session, RealmModel realm, ClientModel cached) {
        if (LOOKUP == null) {
            return cached;
        }
        Provider cache = session.getProvider(LOOKUP.provider());
        if (cache == null) {
            return cached;
        }
        try {
            LOOKUP.invalidate().invoke(cache, cached.getId(), cached.getClientId(), realm.getId());
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot invalidate the cached client " + cached.getClientId(), e);
        }
        return realm.getClientById(cached.getId());
    }

    private record Lookup(Class<? extends Provider> provider, Method invalidate) {

        static Lookup resolve() {
            try {
                Class<? extends Provider> provider = Class.forName(CACHE_PROVIDER).asSubclass(Provider.class);
                return new Lookup(provider, provider.getMethod("registerClientInvalidation", String.class, String.class, String.class));
            } catch (ClassNotFoundException | NoSuchMethodException | LinkageError | ClassCastException e) {
                return null;
            }
        }
    }
}
