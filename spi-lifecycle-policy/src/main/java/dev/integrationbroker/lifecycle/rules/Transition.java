package dev.integrationbroker.lifecycle.rules;

import dev.integrationbroker.lifecycle.model.IntegrationStatus;
import dev.integrationbroker.lifecycle.model.SuspendedReason;

/**
 * One lifecycle step (SPEC §4).
 *
 * @param to the new status, or null when the integration is to be deleted
 * @param reason why, for suspensions; null otherwise
 */
public record Transition(IntegrationStatus from, IntegrationStatus to, SuspendedReason reason) {

    /** The target as the API shows it: a status or {@code deleted}. */
    public String toWire() {
        return to == null ? "deleted" : to.wire();
    }
}
