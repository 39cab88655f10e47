package dev.integrationbroker.lifecycle.scheduled;

import java.time.Instant;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import dev.integrationbroker.lifecycle.spi.IntegrationLifecycleProvider;

/** The default lifecycle provider: a thin per-session view of the factory's shared services. */
public final class DefaultIntegrationLifecycleProvider implements IntegrationLifecycleProvider {

    private final LastUsedTracker lastUsed;

    DefaultIntegrationLifecycleProvider(LastUsedTracker lastUsed) {
        this.lastUsed = lastUsed;
    }

    @Override
    public void recordUse(RealmModel realm, ClientModel client) {
        lastUsed.record(realm, client, Instant.now());
    }

    @Override
    public void close() {
        // nothing held per session
    }
}
