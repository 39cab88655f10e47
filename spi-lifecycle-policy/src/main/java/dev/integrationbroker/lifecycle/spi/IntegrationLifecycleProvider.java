package dev.integrationbroker.lifecycle.spi;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** Per-session access to the lifecycle services. */
public interface IntegrationLifecycleProvider extends Provider {

    /**
     * Notes a successful issuance to an integration. Never writes to the database on the caller's thread:
     * uses are coalesced and flushed in the background (SPEC §1 {@code integration.last-used-at}).
     */
    void recordUse(RealmModel realm, ClientModel client);
}
