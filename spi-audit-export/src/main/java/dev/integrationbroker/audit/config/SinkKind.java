package dev.integrationbroker.audit.config;

import java.util.Locale;

/** Option {@code sink}: where records are shipped. */
public enum SinkKind {
    /** JSON Lines files, one per realm and UTC day. */
    FILE,
    /** HTTPS POST of signed batches. */
    WEBHOOK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
