package dev.integrationbroker.broker.tokenexchange;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.TokenExchangeContext;
import org.keycloak.protocol.oidc.TokenExchangeProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.broker.clientpolicy.IssuanceGate;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;
import dev.integrationbroker.lifecycle.rules.IssuanceDecision;
import dev.integrationbroker.lifecycle.rules.TtlPolicy;
import dev.integrationbroker.lifecycle.spi.IntegrationLifecycleProvider;

/**
 * The broker (SPEC §3.1): handles token exchange for integrations in governed realms, in place of
 * Keycloak's standard exchange, and issues only short-lived, audience- and scope-bound access tokens.
 */
public final class IntegrationTokenExchangeProvider implements TokenExchangeProvider {

    /** Used for the lifetime when monitor mode lets a refused request through. */
    private static final IssuanceDecision UNBOUNDED = new IssuanceDecision(true, null, null, Long.MAX_VALUE, false);

    private final KeycloakSession session;

    IntegrationTokenExchangeProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public boolean supports(TokenExchangeContext context) {
        try {
            return Integration.isIntegration(context.getClient()) && RealmPolicyStore.read(session, context.getRealm()).active();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Response exchange(TokenExchangeContext context) {
        try {
            return issue(context);
        } catch (ExchangeRefusal refusal) {
            EventBuilder event = context.getEvent();
            event.detail(Details.REASON, refusal.reason());
            event.error(refusal.error());
            throw new CorsErrorResponseException(context.getCors(), refusal.error(), refusal.description(), refusal.status());
        }
    }

    private Response issue(TokenExchangeContext context) {
        RealmModel realm = context.getRealm();
        ClientModel client = context.getClient();
        RealmPolicy policy = RealmPolicyStore.read(session, realm);
        Integration integration = Integration.of(client);
        long now = Instant.now().getEpochSecond();

        // what was asked, for the audit record of a refusal too (printable and bounded, never a token)
        context.getEvent().detail("scope_requested", ErrorDescriptions.sanitise(String.valueOf(context.getFormParams().getFirst("scope"))));
        List<String> asked = context.getFormParams().get("audience");
        if (asked != null) {
            context.getEvent().detail(Details.AUDIENCE, ErrorDescriptions.sanitise(String.join(" ", asked)));
        }
        ExchangeParameters params = ExchangeParameters.parse(context.getFormParams());
        IssuanceDecision decision = decision(realm, client);
        AccessToken subject = new SubjectTokenValidator(session, realm).validate(params.subjectToken(), now);

        GrantCeiling ceiling = new GrantCeiling(session, realm, policy, client, integration);
        ceiling.checkSubject(subject);
        ceiling.checkAudiences(params.audiences());
        ceiling.checkScopes(params.scopes(), subject);

        long ttl = TtlPolicy.grant(policy, integration, IssuanceGate.scopeCap(realm, params.scopes()), params.requestedLifetime(),
                OptionalLong.of(subject.getExp() - now), decision.allowed() ? decision : UNBOUNDED);
        if (ttl < 1) {
            throw new ExchangeRefusal(OAuthErrorException.UNAUTHORIZED_CLIENT, "review due now: no token lifetime left", "no lifetime left");
        }
        BrokeredTokenMinter.Minted minted = new BrokeredTokenMinter(session, realm)
                .mint(client, subject.getSubject(), params.audiences(), params.scopes(), now, ttl);

        TokenLineage.record(session, minted.claims().getId(), subject.getId(), ttl);

        EventBuilder event = context.getEvent();
        event.user(subject.getSubject());
        event.detail("jti_sha256", TokenLineage.sha256(minted.claims().getId()));
        event.detail("parent_jti_sha256", TokenLineage.sha256(subject.getId()));
        event.detail(Details.AUDIENCE, String.join(" ", params.audiences()));
        event.detail(Details.SCOPE, minted.claims().getScope());
        event.detail(Details.SUBJECT_TOKEN_CLIENT_ID, subject.getIssuedFor());
        event.detail("ttl", Long.toString(ttl));
        event.success();
        IntegrationLifecycleProvider lifecycle = session.getProvider(IntegrationLifecycleProvider.class);
        if (lifecycle != null) {
            lifecycle.recordUse(realm, client);
        }
        return context.getCors().add(Response.ok(body(minted, ttl), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache"));
    }

    private IssuanceDecision decision(RealmModel realm, ClientModel client) {
        IssuanceDecision decision = session.getAttribute(IssuanceGate.DECISION_ATTRIBUTE, IssuanceDecision.class);
        if (decision != null) {
            return decision;
        }
        // The gate's client policy did not run (an administrator removed it): apply the gate here.
        try {
            decision = IssuanceGate.check(session, realm, client);
        } catch (ClientPolicyException e) {
            throw new ExchangeRefusal(e.getError(), e.getErrorDetail(), "gate refused");
        }
        return decision == null ? UNBOUNDED : decision;
    }

    private static String body(BrokeredTokenMinter.Minted minted, long ttl) {
        ObjectNode body = JsonSerialization.createObjectNode();
        body.put("access_token", minted.encoded());
        body.put("issued_token_type", OAuth2Constants.ACCESS_TOKEN_TYPE);
        body.put("token_type", "Bearer");
        body.put("expires_in", ttl);
        body.put("scope", minted.claims().getScope());
        return body.toString();
    }

    @Override
    public void close() {
        // nothing held
    }
}
