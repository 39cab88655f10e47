package dev.integrationbroker.broker.clientpolicy;

import java.time.Instant;
import java.util.OptionalInt;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.clientpolicy.ClientPolicyException;

import dev.integrationbroker.lifecycle.audit.AuditBacklog;
import dev.integrationbroker.lifecycle.audit.AuditEntry;
import dev.integrationbroker.lifecycle.audit.AuditTrailProvider;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationAttributes;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;
import dev.integrationbroker.lifecycle.policy.UnregisteredPolicy;
import dev.integrationbroker.lifecycle.rules.IssuanceDecision;
import dev.integrationbroker.lifecycle.rules.IssuanceRules;
import dev.integrationbroker.lifecycle.rules.OwnerState;
import dev.integrationbroker.lifecycle.rules.Owners;
import dev.integrationbroker.lifecycle.events.OwnerWatch;

/**
 * SPEC §3.2, shared by every grant: decides whether the requesting client may get a token now, refuses in
 * {@code enforce} mode, and leaves the decision on the session for the lifetime cap and the audit listener.
 */
public final class IssuanceGate {

    /** Session attribute holding the {@link IssuanceDecision} of the current request. */
    public static final String DECISION_ATTRIBUTE = "integration-broker.decision";

    private static final Logger LOG = Logger.getLogger(IssuanceGate.class);

    private IssuanceGate() {
    }

    /**
     * Checks the client; returns the decision for a governed integration, or null when the client is not one
     * (or the realm is not governed).
     *
     * @throws ClientPolicyException {@code unauthorized_client} when the decision refuses and the realm enforces
     */
    public static IssuanceDecision check(KeycloakSession session, RealmModel realm, ClientModel client) throws ClientPolicyException {
        RealmPolicy policy = RealmPolicyStore.read(session, realm);
        if (!policy.active() || client == null) {
            return null;
        }
        AuditBacklog backlog = session.getProvider(AuditBacklog.class);
        if (backlog != null && !backlog.accepting(realm)) {
            // fail-closed audit export whose undelivered backlog is over its bound (SPEC §5)
            throw new ErrorResponseException(OAuthErrorException.TEMPORARILY_UNAVAILABLE,
                    "the audit export is behind; try again later", Response.Status.SERVICE_UNAVAILABLE);
        }
        if (!Integration.isIntegration(client)) {
            checkUnregistered(session, policy, client);
            return null;
        }
        Integration integration = Integration.of(client);
        OwnerState owners = Owners.state(session, realm, integration);
        Instant now = Instant.now();
        if (policy.enforcing() && (owners != OwnerState.VALID) != integration.ownerInvalidSince().isPresent()) {
            // the owners changed state since the last look: start or stop the orphan-grace clock (one write)
            OwnerWatch.observe(session, client, owners, now);
            integration = Integration.of(client);
        }
        IssuanceDecision decision = IssuanceRules.decide(integration, policy, owners, now);
        session.setAttribute(DECISION_ATTRIBUTE, decision);
        if (!decision.allowed()) {
            if (policy.enforcing()) {
                throw new ClientPolicyException(OAuthErrorException.UNAUTHORIZED_CLIENT, decision.description());
            }
            LOG.debugf("monitor mode: would refuse %s in realm %s (%s)", client.getClientId(), realm.getName(), decision.reason());
            AuditTrailProvider trail = session.getProvider(AuditTrailProvider.class);
            if (trail != null) {
                trail.record(realm, client, new AuditEntry("token.would-refuse", true, client.getClientId(), decision.reason(), null, Map.of()));
            }
        }
        return decision;
    }

    /** The smallest {@code integration.max-ttl} among the named client scopes, if any sets one. */
    public static OptionalInt scopeCap(RealmModel realm, Iterable<String> scopeNames) {
        int cap = Integer.MAX_VALUE;
        for (String name : scopeNames) {
            ClientScopeModel scope = KeycloakModelUtils.getClientScopeByName(realm, name);
            String value = scope == null ? null : scope.getAttribute(IntegrationAttributes.SCOPE_MAX_TTL);
            if (value != null) {
                try {
                    cap = Math.min(cap, Integer.parseInt(value.trim()));
                } catch (NumberFormatException e) {
                    LOG.warnf("client scope %s: %s is not a number of seconds; ignored", name, IntegrationAttributes.SCOPE_MAX_TTL);
                }
            }
        }
        return cap == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(cap);
    }

    private static void checkUnregistered(KeycloakSession session, RealmPolicy policy, ClientModel client) throws ClientPolicyException {
        if (!client.isServiceAccountsEnabled() || client.isPublicClient()) {
            return;
        }
        if (policy.unregisteredServiceAccounts() == UnregisteredPolicy.DENY && policy.enforcing()) {
            throw new ClientPolicyException(OAuthErrorException.UNAUTHORIZED_CLIENT,
                    "service account is not registered as an integration");
        }
        if (policy.unregisteredServiceAccounts() != UnregisteredPolicy.ALLOW) {
            LOG.debugf("unregistered service account %s requested a token", client.getClientId());
        }
    }
}
