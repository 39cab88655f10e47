package dev.integrationbroker.lifecycle.model;

import java.util.Locale;
import java.util.Optional;

/** Why an integration was suspended (SPEC §1 {@code integration.suspended-reason}). */
public enum SuspendedReason {
    REVIEW_LAPSED, EXPIRED, OWNER_MISSING, DORMANT, KILL_SWITCH, MANUAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<SuspendedReason> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (SuspendedReason reason : values()) {
            if (reason.wire().equals(value)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** Reasons an attestation clears; the others need an explicit reactivation. */
    public boolean clearedByAttestation() {
        return this == REVIEW_LAPSED || this == DORMANT;
    }
}
