package dev.integrationbroker.lifecycle.scheduled;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.integrationbroker.lifecycle.events.WriteMarks;
import dev.integrationbroker.lifecycle.model.IntegrationAttributes;
import dev.integrationbroker.lifecycle.model.Rfc3339;

/**
 * Coalesces successful issuances into one {@code integration.last-used-at} write per client and flush
 * interval: the token path only updates an in-memory, bounded map; a background task writes the latest
 * time per client, never moving it backwards (several nodes may flush the same client).
 */
public final class LastUsedTracker {

    /** More distinct clients than any realm set has; beyond it the oldest pending use is dropped. */
    static final int MAX_PENDING = 100_000;

    private static final Logger LOG = Logger.getLogger(LastUsedTracker.class);

    private record Key(String realmId, String clientId) {
    }

    private final Cache<Key, Instant> pending = Caffeine.newBuilder().maximumSize(MAX_PENDING).build();

    /** Hot path: one map update, no I/O. */
    public void record(RealmModel realm, ClientModel client, Instant when) {
        pending.asMap().merge(new Key(realm.getId(), client.getId()), when, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Number of clients with an unwritten use. */
    public long pendingCount() {
        return pending.estimatedSize();
    }

    /** Writes every pending use, one short transaction per client; a failed write stays pending. */
    public int flush(KeycloakSessionFactory factory) {
        int written = 0;
        for (Map.Entry<Key, Instant> entry : List.copyOf(pending.asMap().entrySet())) {
            Key key = entry.getKey();
            Instant when = entry.getValue();
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealm(key.realmId());
                    ClientModel client = realm == null ? null : realm.getClientById(key.clientId());
                    if (client != null && isNewer(client.getAttribute(IntegrationAttributes.LAST_USED_AT), when)) {
                        WriteMarks.systemWrite(session, () -> client.setAttribute(IntegrationAttributes.LAST_USED_AT, Rfc3339.format(when)));
                    }
                });
                pending.asMap().remove(key, when);
                written++;
            } catch (RuntimeException e) {
                LOG.warnf("cannot record last use of client %s in realm %s yet: %s", key.clientId(), key.realmId(), e.getMessage());
            }
        }
        return written;
    }

    private static boolean isNewer(String stored, Instant when) {
        if (stored == null) {
            return true;
        }
        try {
            return when.isAfter(Rfc3339.parse(stored));
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
