package dev.integrationbroker.audit.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The record's {@code time}: RFC 3339 in UTC with exactly three fraction digits, e.g. {@code 2026-03-01T10:00:00.250Z}. */
public final class RecordTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RecordTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static Instant parse(String value) {
        return Instant.parse(value);
    }
}
