package dev.integrationbroker.lifecycle.audit;

import java.util.Locale;
import java.util.Optional;

/** The media types of an audit export (SPEC §5). */
public enum AuditExportFormat {
    /** One JSON array. */
    JSON("application/json"),
    /** JSON Lines: one record per line. */
    NDJSON("application/x-ndjson"),
    /** CSV with a header row, fields flattened with dots. */
    CSV("text/csv");

    private final String mediaType;

    AuditExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a media type (parameters such as {@code charset} are ignored); empty when unknown. */
    public static Optional<AuditExportFormat> fromMediaType(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String bare = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (AuditExportFormat format : values()) {
            if (format.mediaType.equals(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
