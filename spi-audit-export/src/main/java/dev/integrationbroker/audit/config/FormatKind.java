package dev.integrationbroker.audit.config;

import java.util.Locale;

/** Option {@code format}: how each record is written to the sink. */
public enum FormatKind {
    /** The record as is. */
    JSON,
    /** OCSF 1.x Authentication / Account Change events, the record kept under {@code unmapped}. */
    OCSF;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
