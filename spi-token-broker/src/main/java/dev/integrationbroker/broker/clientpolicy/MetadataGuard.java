package dev.integrationbroker.broker.clientpolicy;

import java.util.Map;
import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;

import dev.integrationbroker.lifecycle.events.WriteMarks;
import dev.integrationbroker.lifecycle.validation.MetadataWriteCheck;
import dev.integrationbroker.lifecycle.validation.Violation;

/**
 * Metadata validation for the writes Keycloak runs through client policies (admin API and console create
 * and update, dynamic client registration): it knows the client's state before the write, so it can
 * refuse system-attribute changes and apply state rules to the changed attributes only.
 */
final class MetadataGuard {

    private MetadataGuard() {
    }

    static void check(KeycloakSession session, RealmModel realm, ClientCRUDContext context) throws ClientPolicyException {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        if (proposed == null) {
            return;
        }
        ClientModel target = context.getTargetClient();
        Map<String, String> before = target == null ? null : target.getAttributes();
        boolean confidential = proposed.isPublicClient() != null ? !proposed.isPublicClient() : target != null && !target.isPublicClient();
        boolean serviceAccount = proposed.isServiceAccountsEnabled() != null ? proposed.isServiceAccountsEnabled()
                : target != null && target.isServiceAccountsEnabled();
        Optional<Violation> violation = MetadataWriteCheck.check(session, realm, before, proposed.getAttributes(),
                confidential && serviceAccount, true);
        if (violation.isPresent()) {
            throw new ClientPolicyException(MetadataWriteCheck.ERROR, violation.get().message());
        }
        if (target != null) {
            WriteMarks.markChecked(session, target.getClientId());
        }
        if (proposed.getClientId() != null) {
            WriteMarks.markChecked(session, proposed.getClientId());
        }
    }
}
