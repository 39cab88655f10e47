package dev.integrationbroker.audit.events;

import java.util.Optional;

import org.keycloak.models.ClientModel;

import dev.integrationbroker.audit.record.IntegrationView;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.UnregisteredPolicy;

/**
 * Which clients' token events are audited (SPEC §5): integrations, and confidential service-account clients without
 * metadata when the realm policy's {@code unregistered-service-accounts} is {@code monitor} or {@code deny}.
 *
 * @param integration the integration block, null for an unregistered service account
 */
record AuditedClient(IntegrationView integration) {

    static Optional<AuditedClient> of(RealmPolicy policy, ClientModel client) {
        if (client == null) {
            return Optional.empty();
        }
        if (Integration.isIntegration(client)) {
            return Optional.of(new AuditedClient(IntegrationView.of(Integration.of(client))));
        }
        if (isServiceAccountClient(client) && policy.unregisteredServiceAccounts() != UnregisteredPolicy.ALLOW) {
            return Optional.of(new AuditedClient(null));
        }
        return Optional.empty();
    }

    static boolean isServiceAccountClient(ClientModel client) {
        return !client.isPublicClient() && !client.isBearerOnly() && client.isServiceAccountsEnabled();
    }
}
