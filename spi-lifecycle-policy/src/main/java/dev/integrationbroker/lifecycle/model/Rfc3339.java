package dev.integrationbroker.lifecycle.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** RFC 3339 instants as the attributes and APIs carry them: parsed with any offset, written in UTC with seconds. */
public final class Rfc3339 {

    private Rfc3339() {
    }

    /** Parses {@code 2026-11-27T10:00:00Z} or {@code 2026-11-27T11:00:00+01:00}. */
    public static Instant parse(String value) {
        return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** Formats in UTC, truncated to seconds, e.g. {@code 2026-11-27T10:00:00Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The calendar day in UTC, {@code YYYY-MM-DD}, as error descriptions and e-mails show it. */
    public static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
