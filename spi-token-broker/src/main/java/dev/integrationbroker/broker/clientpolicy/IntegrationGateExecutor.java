package dev.integrationbroker.broker.clientpolicy;

import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.ServiceAccountTokenResponseContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.context.TokenIntrospectContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import dev.integrationbroker.broker.tokenexchange.TokenLineage;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;
import dev.integrationbroker.lifecycle.rules.IssuanceDecision;
import dev.integrationbroker.lifecycle.rules.TtlPolicy;
import dev.integrationbroker.lifecycle.spi.IntegrationLifecycleProvider;

/**
 * The issuance gate as a client-policy executor: runs on every token request of every client of the realm
 * (the installed policy uses the {@code any-client} condition) and acts on integrations only.
 */
public final class IntegrationGateExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    IntegrationGateExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return IntegrationGateExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case SERVICE_ACCOUNT_TOKEN_REQUEST, TOKEN_EXCHANGE_REQUEST, TOKEN_REFRESH ->
                    IssuanceGate.check(session, realm(), session.getContext().getClient());
            case SERVICE_ACCOUNT_TOKEN_RESPONSE -> {
                capLifetime(((ServiceAccountTokenResponseContext) context).getAccessTokenResponseBuilder());
                recordUse();
            }
            case TOKEN_REFRESH_RESPONSE -> {
                capLifetime(((TokenRefreshResponseContext) context).getAccessTokenResponseBuilder());
                recordUse();
            }
            case TOKEN_INTROSPECT -> TokenLineage.propagateRevocation(session,
                    ((TokenIntrospectContext) context).getParams().getFirst("token"), Instant.now().getEpochSecond());
            case REGISTER, UPDATE -> {
                if (context instanceof ClientCRUDContext crud) {
                    MetadataGuard.check(session, realm(), crud);
                }
            }
            default -> {
                // other events are not the gate's business
            }
        }
    }

    /**
     * client_credentials tokens of integrations, and tokens refreshed from them, get the same lifetime rule as
     * brokered ones (SPEC §3.2).
     */
    private void capLifetime(TokenManager.AccessTokenResponseBuilder response) throws ClientPolicyException {
        IssuanceDecision decision = session.getAttribute(IssuanceGate.DECISION_ATTRIBUTE, IssuanceDecision.class);
        ClientModel client = session.getContext().getClient();
        if (decision == null || !Integration.isIntegration(client)) {
            return;
        }
        AccessToken token = response.getAccessToken();
        long iat = token.getIat() != null ? token.getIat() : Instant.now().getEpochSecond();
        String scope = token.getScope() == null ? "" : token.getScope();
        RealmPolicy policy = RealmPolicyStore.read(session, realm());
        long ttl = TtlPolicy.grant(policy, Integration.of(client),
                IssuanceGate.scopeCap(realm(), Arrays.asList(scope.split(" "))), OptionalLong.empty(), OptionalLong.empty(), decision);
        if (ttl < 1) {
            if (policy.enforcing()) {
                throw new ClientPolicyException(OAuthErrorException.UNAUTHORIZED_CLIENT, "review due now: no token lifetime left");
            }
            return;
        }
        if (token.getExp() == null || token.getExp() > iat + ttl) {
            token.exp(iat + ttl);
        }
    }

    private void recordUse() {
        ClientModel client = session.getContext().getClient();
        IntegrationLifecycleProvider lifecycle = session.getProvider(IntegrationLifecycleProvider.class);
        if (lifecycle != null && Integration.isIntegration(client)) {
            lifecycle.recordUse(realm(), client);
        }
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }
}
