package dev.integrationbroker.lifecycle.events;

import dev.integrationbroker.lifecycle.model.Echo;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;
import org.keycloak.services.ErrorResponseException;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;
import dev.integrationbroker.lifecycle.validation.MetadataWriteCheck;
import dev.integrationbroker.lifecycle.validation.Violation;

/**
 * Sees every client write Keycloak makes from a representation (admin API, console, DCR, realm import,
 * partial import): validates the writes no client-policy check has validated, and stamps the derived
 * system attributes. A realm import is validated when it is complete, once its users exist.
 */
public final class ClientWriteListener implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmCreationEvent created) {
            WriteMarks.startImport(created.getKeycloakSession(), created.getCreatedRealm().getId());
        } else if (event instanceof ClientModel.ClientUpdatedEvent updated) {
            onClientWrite(updated.getKeycloakSession(), updated.getUpdatedClient());
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            onImportComplete(created.getKeycloakSession(), created.getCreatedRealm());
        }
    }

    private static void onClientWrite(KeycloakSession session, ClientModel client) {
        if (session == null || WriteMarks.inSystemWrite(session)) {
            return;
        }
        RealmModel realm = client.getRealm();
        if (WriteMarks.importing(session, realm.getId())) {
            WriteMarks.pending(session).add(client.getId());
            return;
        }
        if (!WriteMarks.isChecked(session, client.getClientId())) {
            validateWhole(session, realm, client);
        }
        stamp(session, realm, client);
    }

    private static void onImportComplete(KeycloakSession session, RealmModel realm) {
        try {
            for (String id : WriteMarks.pending(session)) {
                ClientModel client = realm.getClientById(id);
                if (client != null) {
                    validateWhole(session, realm, client);
                    stamp(session, realm, client);
                }
            }
        } finally {
            WriteMarks.endImport(session);
        }
    }

    /** Imports restore exported system attributes, so only the metadata rules apply, to every value. */
    private static void validateWhole(KeycloakSession session, RealmModel realm, ClientModel client) {
        Optional<Violation> violation = MetadataWriteCheck.check(session, realm, null, client.getAttributes(),
                !client.isPublicClient() && client.isServiceAccountsEnabled(), false);
        if (violation.isPresent()) {
            session.getTransactionManager().setRollbackOnly();
            throw new ErrorResponseException(MetadataWriteCheck.ERROR,
                    "client " + Echo.of(client.getClientId()) + ": " + violation.get().message(), Response.Status.BAD_REQUEST);
        }
    }

    private static void stamp(KeycloakSession session, RealmModel realm, ClientModel client) {
        RealmPolicy policy = RealmPolicyStore.read(realm);
        if (policy.active() && Integration.isIntegration(client)) {
            WriteMarks.systemWrite(session, () -> RegistrationStamp.apply(client, policy, Instant.now()));
        }
    }

}
