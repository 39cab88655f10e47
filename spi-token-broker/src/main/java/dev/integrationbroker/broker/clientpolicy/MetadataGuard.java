package dev.integrationbroker.broker.clientpolicy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.DynamicClientRegisterContext;
import org.keycloak.services.clientpolicy.context.DynamicClientUpdateContext;

import dev.integrationbroker.lifecycle.clientregistration.DcrFields;
import dev.integrationbroker.lifecycle.clientregistration.DcrHandoff;
import dev.integrationbroker.lifecycle.clientregistration.DcrRefusal;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;
import dev.integrationbroker.lifecycle.policy.UnregisteredPolicy;

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

    /**
     * Adds the integration fields of a registration request to the representation Keycloak will store. In a
     * realm that denies unregistered service accounts, a service-account client must come with them.
     */
    private static void addRegistrationMetadata(KeycloakSession session, RealmModel realm, ClientCRUDContext context, ClientRepresentation proposed) {
        Map<String, String> metadata = DcrHandoff.take(session);
        if (metadata != null) {
            if (proposed.getAttributes() == null) {
                proposed.setAttributes(new HashMap<>());
            }
            proposed.getAttributes().putAll(metadata);
            return;
        }
        RealmPolicy policy = RealmPolicyStore.read(realm);
        boolean serviceAccount = Boolean.TRUE.equals(proposed.isServiceAccountsEnabled()) && !Boolean.TRUE.equals(proposed.isPublicClient());
        if (context instanceof DynamicClientRegisterContext && serviceAccount && policy.active()
                && policy.unregisteredServiceAccounts() == UnregisteredPolicy.DENY) {
            throw DcrRefusal.invalidMetadata("integration metadata is required for a client_credentials client in this realm: "
                    + "register at clients-registrations/integration with the integration_* fields");
        }
    }

    static void check(KeycloakSession session, RealmModel realm, ClientCRUDContext context) throws ClientPolicyException {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        if (proposed == null) {
            return;
        }
        boolean registration = context instanceof DynamicClientRegisterContext || context instanceof DynamicClientUpdateContext;
        if (registration) {
            addRegistrationMetadata(session, realm, context, proposed);
        }
        ClientModel target = context.getTargetClient();
        Map<String, String> before = target == null ? null : target.getAttributes();
        boolean confidential = proposed.isPublicClient() != null ? !proposed.isPublicClient() : target != null && !target.isPublicClient();
        boolean serviceAccount = proposed.isServiceAccountsEnabled() != null ? proposed.isServiceAccountsEnabled()
                : target != null && target.isServiceAccountsEnabled();
        Optional<Violation> violation = MetadataWriteCheck.check(session, realm, before, proposed.getAttributes(),
                confidential && serviceAccount, true);
        if (violation.isPresent()) {
            if (registration) {
                // RFC 7591 answer, naming the registration field (Keycloak would turn a policy error into 403)
                throw DcrRefusal.invalidMetadata(DcrFields.fieldName(violation.get().attribute()) + ": " + violation.get().rule());
            }
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
