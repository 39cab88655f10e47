package dev.integrationbroker.broker.clientpolicy;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientPolicyExecutorRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.util.JsonSerialization;

/**
 * Installs the gate's client profile and policy (both named {@value #NAME}) in every realm: at start for
 * existing realms, and when a realm is created or imported. Idempotent; other profiles and policies are kept.
 */
final class GatePolicyInstaller implements ProviderEventListener {

    /** Name of the installed client profile and client policy. */
    static final String NAME = "integration-broker";

    private static final Logger LOG = Logger.getLogger(GatePolicyInstaller.class);

    private final KeycloakSessionFactory factory;

    GatePolicyInstaller(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(factory, session ->
                    session.realms().getRealmsStream().forEach(realm -> install(session, realm)));
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            install(created.getKeycloakSession(), created.getCreatedRealm());
        }
    }

    static void install(KeycloakSession session, RealmModel realm) {
        try {
            ClientProfilesRepresentation profiles = session.clientPolicy().getClientProfiles(realm, false);
            List<ClientProfileRepresentation> profileList = profiles.getProfiles() == null ? new ArrayList<>() : new ArrayList<>(profiles.getProfiles());
            if (profileList.stream().noneMatch(p -> NAME.equals(p.getName()))) {
                profileList.add(profile());
                profiles.setProfiles(profileList);
                session.clientPolicy().updateClientProfiles(realm, profiles);
            }
            ClientPoliciesRepresentation policies = session.clientPolicy().getClientPolicies(realm, false);
            List<ClientPolicyRepresentation> policyList = policies.getPolicies() == null ? new ArrayList<>() : new ArrayList<>(policies.getPolicies());
            if (policyList.stream().noneMatch(p -> NAME.equals(p.getName()))) {
                policyList.add(policy());
                policies.setPolicies(policyList);
                session.clientPolicy().updateClientPolicies(realm, policies);
                LOG.debugf("installed the integration gate client policy in realm %s", realm.getName());
            }
        } catch (ClientPolicyException e) {
            LOG.errorf(e, "cannot install the integration gate client policy in realm %s", realm.getName());
        }
    }

    private static ClientProfileRepresentation profile() {
        ClientPolicyExecutorRepresentation executor = new ClientPolicyExecutorRepresentation();
        executor.setExecutorProviderId(IntegrationGateExecutorFactory.PROVIDER_ID);
        executor.setConfiguration(JsonSerialization.createObjectNode());
        ClientProfileRepresentation profile = new ClientProfileRepresentation();
        profile.setName(NAME);
        profile.setDescription("Integration Broker: issuance gate and metadata validation");
        profile.setExecutors(List.of(executor));
        return profile;
    }

    private static ClientPolicyRepresentation policy() {
        ClientPolicyConditionRepresentation anyClient = new ClientPolicyConditionRepresentation();
        anyClient.setConditionProviderId("any-client");
        anyClient.setConfiguration(JsonSerialization.createObjectNode());
        ClientPolicyRepresentation policy = new ClientPolicyRepresentation();
        policy.setName(NAME);
        policy.setDescription("Integration Broker: applies the integration gate to every client; it acts on integrations only");
        policy.setEnabled(true);
        policy.setConditions(List.of(anyClient));
        policy.setProfiles(List.of(NAME));
        return policy;
    }
}
