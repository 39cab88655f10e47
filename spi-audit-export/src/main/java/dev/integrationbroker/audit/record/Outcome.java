package dev.integrationbroker.audit.record;

import java.util.Locale;

/** A record's {@code outcome}. */
public enum Outcome {
    SUCCESS, FAILURE;

    /** {@code success} or {@code failure}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
