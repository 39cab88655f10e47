package dev.integrationbroker.lifecycle.actions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import dev.integrationbroker.lifecycle.inventory.ClientPages;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationStatus;
import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.model.SuspendedReason;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.rules.OwnerState;
import dev.integrationbroker.lifecycle.rules.Owners;

/** SPEC §2.3 actions on integrations, with the state rules that make some of them conflicts (409). */
public final class IntegrationActions {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RealmPolicy policy;
    private final Instant now;

    public IntegrationActions(KeycloakSession session, RealmModel realm, RealmPolicy policy, Instant now) {
        this.session = session;
        this.realm = realm;
        this.policy = policy;
        this.now = now;
    }

    /** Records a review; a lapsed or dormant integration becomes active and enabled again. */
    public void attest(ClientModel client, String actor, Integer reviewIntervalDays) {
        Integration integration = Integration.of(client);
        if (integration.status() == IntegrationStatus.RETIRED) {
            throw new ActionRefused("integration is retired");
        }
        integration.suspendedReason().filter(r -> integration.status() == IntegrationStatus.SUSPENDED && !r.clearedByAttestation())
                .ifPresent(r -> {
                    throw new ActionRefused("integration is suspended for " + r.wire() + ": use reactivate");
                });
        requireRestorable(integration);
        if (reviewIntervalDays != null && (reviewIntervalDays < 1 || reviewIntervalDays > policy.maxReviewIntervalDays())) {
            throw new IllegalArgumentException("reviewIntervalDays: must be a whole number from 1 to " + policy.maxReviewIntervalDays());
        }
        StatusChange.attest(session, client, actor, reviewIntervalDays, policy.defaultReviewIntervalDays(), now);
        StatusChange.activate(session, client);
    }

    /** Suspends one integration manually. */
    public void suspend(ClientModel client, SuspendedReason reason) {
        Integration integration = Integration.of(client);
        if (integration.status() == IntegrationStatus.SUSPENDED || integration.status() == IntegrationStatus.RETIRED) {
            throw new ActionRefused("integration is already " + integration.status().wire()
                    + integration.suspendedReason().map(r -> " (" + r.wire() + ")").orElse(""));
        }
        StatusChange.suspend(session, client, reason, now);
    }

    /**
     * Lifts any suspension. Reactivating is an accountable decision, so it also counts as a review: the
     * next review is scheduled from now.
     */
    public void reactivate(ClientModel client, String actor) {
        Integration integration = Integration.of(client);
        if (integration.status() != IntegrationStatus.SUSPENDED) {
            throw new ActionRefused("integration is not suspended (status " + integration.status().wire() + ")");
        }
        requireRestorable(integration);
        StatusChange.attest(session, client, actor, null, policy.defaultReviewIntervalDays(), now);
        StatusChange.activate(session, client);
    }

    /** The kill switch: suspends every integration of the vendor that is not already suspended or retired. */
    public List<ClientModel> suspendVendor(String vendor) {
        List<String> matching = new ArrayList<>();
        ClientPages.forEach(session, realm, client -> {
            if (Integration.isIntegration(client) && vendor.equals(Integration.of(client).vendor())
                    && !Integration.of(client).status().blocksIssuance()) {
                matching.add(client.getId());
            }
        });
        List<ClientModel> suspended = new ArrayList<>();
        for (String id : matching) {
            ClientModel client = realm.getClientById(id);
            StatusChange.suspend(session, client, SuspendedReason.KILL_SWITCH, now);
            suspended.add(client);
        }
        return suspended;
    }

    /** Every token issued to the integration so far becomes inactive. */
    public void revokeTokens(ClientModel client) {
        StatusChange.revokeIssuedTokens(client, now);
    }

    private void requireRestorable(Integration integration) {
        if (Owners.state(session, realm, integration) != OwnerState.VALID) {
            throw new ActionRefused("an owner is missing or disabled: assign enabled owners first");
        }
        integration.expiresAt().filter(e -> !now.isBefore(e)).ifPresent(e -> {
            throw new ActionRefused("integration expired on " + Rfc3339.day(e) + ": extend integration.expires-at first");
        });
    }
}
