package dev.integrationbroker.audit.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

import dev.integrationbroker.audit.jpa.MetadataSnapshots;
import dev.integrationbroker.lifecycle.model.Integration;

/**
 * Keeps what a deleted integration was: Keycloak publishes {@code ClientRemovedEvent} while the client can still be
 * read, and the {@code DELETE} admin event (or the registration {@code CLIENT_DELETE} event) that follows in the same
 * session finds it here. Drops a removed realm's metadata snapshots; its records stay.
 */
public final class RemovalListener implements ProviderEventListener {

    static final String ATTRIBUTE = "integration-audit.removed-clients";

    private static final Logger LOG = Logger.getLogger(RemovalListener.class);

    /** A removed integration's client id and attributes. */
    record RemovedClient(String id, String clientId, Map<String, String> attributes) {
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof ClientModel.ClientRemovedEvent removed && removed.getKeycloakSession() != null) {
            ClientModel client = removed.getClient();
            if (Integration.isIntegration(client)) {
                store(removed.getKeycloakSession()).put(client.getId(),
                        new RemovedClient(client.getId(), client.getClientId(), Map.copyOf(Integration.of(client).attributes())));
            }
        } else if (event instanceof RealmModel.RealmRemovedEvent realmRemoved && realmRemoved.getKeycloakSession() != null) {
            try {
                MetadataSnapshots.of(realmRemoved.getKeycloakSession()).removeRealm(realmRemoved.getRealm().getId());
            } catch (RuntimeException e) {
                // stale snapshots are harmless (keyed by ids that no longer exist); never block a realm's removal
                LOG.warnf("integration-audit: snapshots of removed realm %s kept: %s", realmRemoved.getRealm().getName(), e.getMessage());
            }
        }
    }

    /** The integration removed in this session with this internal id, or else this client id. */
    static Optional<RemovedClient> find(KeycloakSession session, String id, String clientId) {
        Map<String, RemovedClient> removed = store(session);
        if (id != null && removed.containsKey(id)) {
            return Optional.of(removed.get(id));
        }
        return removed.values().stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, RemovedClient> store(KeycloakSession session) {
        Map<String, RemovedClient> removed = session.getAttribute(ATTRIBUTE, Map.class);
        if (removed == null) {
            removed = new HashMap<>();
            session.setAttribute(ATTRIBUTE, removed);
        }
        return removed;
    }
}
