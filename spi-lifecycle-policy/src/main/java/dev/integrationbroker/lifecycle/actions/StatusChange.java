package dev.integrationbroker.lifecycle.actions;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;

import java.time.Instant;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

import dev.integrationbroker.lifecycle.email.OwnerNotifier;
import dev.integrationbroker.lifecycle.events.WriteMarks;
import dev.integrationbroker.lifecycle.model.IntegrationStatus;
import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.model.SuspendedReason;

/** The attribute writes of each status change, shared by the admin actions and the sweep. */
public final class StatusChange {

    private StatusChange() {
    }

    /**
     * Suspends: disables the client, records the reason and time, and sets the client's not-before so every
     * token issued to it so far is inactive, also after a later reactivation (SPEC §3.5).
     */
    public static void suspend(KeycloakSession session, ClientModel client, SuspendedReason reason, Instant now) {
        WriteMarks.systemWrite(session, () -> {
            client.setAttribute(STATUS, IntegrationStatus.SUSPENDED.wire());
            client.setAttribute(SUSPENDED_REASON, reason.wire());
            client.setAttribute(SUSPENDED_AT, Rfc3339.format(now));
            client.setEnabled(false);
            revokeIssuedTokens(client, now);
        });
        OwnerNotifier.suspended(session, client.getRealm(), client, reason, now);
    }

    /** Makes the integration active and enabled again, clearing any suspension. */
    public static void activate(KeycloakSession session, ClientModel client) {
        WriteMarks.systemWrite(session, () -> {
            client.setAttribute(STATUS, IntegrationStatus.ACTIVE.wire());
            client.removeAttribute(SUSPENDED_REASON);
            client.removeAttribute(SUSPENDED_AT);
            client.setEnabled(true);
        });
    }

    /** Sets a status without touching enablement (review-due, grace, retired). */
    public static void status(KeycloakSession session, ClientModel client, IntegrationStatus status) {
        WriteMarks.systemWrite(session, () -> client.setAttribute(STATUS, status.wire()));
    }

    /** Records an attestation; the next review follows from it and the interval. */
    public static void attest(KeycloakSession session, ClientModel client, String by, Integer intervalDays, int defaultIntervalDays, Instant now) {
        WriteMarks.systemWrite(session, () -> {
            if (intervalDays != null) {
                client.setAttribute(REVIEW_INTERVAL_DAYS, Integer.toString(intervalDays));
            }
            client.setAttribute(LAST_ATTESTED_AT, Rfc3339.format(now));
            client.setAttribute(LAST_ATTESTED_BY, by);
            String interval = client.getAttribute(REVIEW_INTERVAL_DAYS);
            int days = interval != null && interval.matches("[0-9]{1,4}") ? Integer.parseInt(interval) : defaultIntervalDays;
            client.setAttribute(NEXT_REVIEW, Rfc3339.format(now.plus(java.time.Duration.ofDays(days))));
        });
    }

    /**
     * Every token issued to the client up to and including this second becomes inactive: Keycloak treats a
     * token as inactive when its {@code iat} is before the client's not-before.
     */
    public static void revokeIssuedTokens(ClientModel client, Instant now) {
        client.setNotBefore((int) now.getEpochSecond() + 1);
    }
}
