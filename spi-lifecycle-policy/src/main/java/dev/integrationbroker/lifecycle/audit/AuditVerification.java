package dev.integrationbroker.lifecycle.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer of {@code GET .../integrations/audit/verify} (SPEC §5).
 *
 * @param intact whether every record links to its predecessor and hashes to its stored hash
 * @param records how many records were walked
 * @param firstBrokenSeq the first {@code seq} at which the chain is not intact (an edited record, a missing one,
 *        or one out of place), or null when intact
 */
public record AuditVerification(boolean intact, long records, Long firstBrokenSeq) {

    public AuditVerification {
        if (intact != (firstBrokenSeq == null)) {
            throw new IllegalArgumentException("firstBrokenSeq: must be null exactly when the chain is intact");
        }
    }

    /** {@code {"intact": bool, "records": n, "firstBrokenSeq": n|null}}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("intact", intact);
        json.put("records", records);
        if (firstBrokenSeq == null) {
            json.putNull("firstBrokenSeq");
        } else {
            json.put("firstBrokenSeq", firstBrokenSeq.longValue());
        }
        return json;
    }
}
