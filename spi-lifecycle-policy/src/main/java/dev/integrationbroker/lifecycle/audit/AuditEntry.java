package dev.integrationbroker.lifecycle.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A record that no Keycloak event describes, handed to {@link AuditTrailProvider#record}. Types used by the
 * project: {@code lifecycle.transition} and {@code lifecycle.would-transition} (monitor mode), {@code reminder.sent},
 * {@code token.would-refuse} (monitor-mode gate decision).
 *
 * @param type dotted lowercase name, e.g. {@code lifecycle.transition}
 * @param success whether the record's outcome is {@code success} (else {@code failure})
 * @param actor who acted: an admin username, a client id, or {@code system} for the sweep
 * @param reason machine reason, e.g. {@code review-lapsed}; may be null
 * @param note free text, e.g. the reminder kind; may be null
 * @param changes attribute name to old and new value, e.g. {@code integration.status}: active → suspended
 */
public record AuditEntry(String type, boolean success, String actor, String reason, String note, Map<String, Change> changes) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    /** One attribute's value before and after; either may be null (absent). */
    public record Change(String oldValue, String newValue) {
    }

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        if (type.length() > 64 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type: must be a dotted lowercase name of at most 64 characters, e.g. lifecycle.transition");
        }
        changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    /** A successful record of {@code type} by {@code actor}, without reason, note or changes. */
    public static AuditEntry success(String type, String actor) {
        return new AuditEntry(type, true, actor, null, null, Map.of());
    }

    /** A lifecycle transition of {@code integration.status} (SPEC §4). */
    public static AuditEntry transition(String from, String to, String reason, boolean applied) {
        return new AuditEntry(applied ? "lifecycle.transition" : "lifecycle.would-transition", true, "system", reason, null,
                Map.of("integration.status", new Change(from, to)));
    }

    public AuditEntry withReason(String value) {
        return new AuditEntry(type, success, actor, value, note, changes);
    }

    public AuditEntry withNote(String value) {
        return new AuditEntry(type, success, actor, reason, value, changes);
    }
}
