package dev.integrationbroker.lifecycle.audit;

import java.time.Instant;

/**
 * Filters of {@code GET .../integrations/audit} (SPEC §5). Every filter is optional (null); the constructor
 * refuses invalid combinations with an {@link IllegalArgumentException} whose message names the parameter, ready
 * for a 400 answer.
 *
 * @param from records at or after this instant
 * @param to records before this instant
 * @param clientId exact OAuth client id
 * @param type exact record type, e.g. {@code token.issued}
 * @param outcome {@code success} or {@code failure}
 * @param afterSeq only records with a greater {@code seq} (keyset paging); 0 for all
 * @param limit the most records returned; 0 for no limit
 */
public record AuditQuery(Instant from, Instant to, String clientId, String type, String outcome, long afterSeq, int limit) {

    public AuditQuery {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from: must not be after to");
        }
        if (outcome != null && !outcome.equals("success") && !outcome.equals("failure")) {
            throw new IllegalArgumentException("outcome: must be success or failure");
        }
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq: must not be negative");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative");
        }
        clientId = blankToNull(clientId);
        type = blankToNull(type);
    }

    /** Every record of the realm. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, 0, 0);
    }

    /** Whether a record with these indexed fields passes the filters (everything but paging). */
    public boolean matches(long timeMillis, String recordType, String recordOutcome, String recordClientId) {
        return (from == null || timeMillis >= from.toEpochMilli())
                && (to == null || timeMillis < to.toEpochMilli())
                && (clientId == null || clientId.equals(recordClientId))
                && (type == null || type.equals(recordType))
                && (outcome == null || outcome.equals(recordOutcome));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
