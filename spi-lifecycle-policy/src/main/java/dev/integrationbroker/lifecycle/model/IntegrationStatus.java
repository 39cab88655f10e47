package dev.integrationbroker.lifecycle.model;

import java.util.Locale;
import java.util.Optional;

/** Lifecycle status of an integration (SPEC §4), as stored in {@code integration.status}. */
public enum IntegrationStatus {
    ACTIVE, REVIEW_DUE, GRACE, SUSPENDED, RETIRED;

    /** The stored form, e.g. {@code review-due}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the stored form; empty for null or an unknown value. */
    public static Optional<IntegrationStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (IntegrationStatus status : values()) {
            if (status.wire().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether tokens may never be issued in this status. */
    public boolean blocksIssuance() {
        return this == SUSPENDED || this == RETIRED;
    }
}
