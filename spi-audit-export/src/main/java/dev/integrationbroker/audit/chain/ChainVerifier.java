package dev.integrationbroker.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrationbroker.lifecycle.audit.AuditVerification;

/**
 * Walks a realm's records in {@code seq} order, one at a time (memory stays flat), and finds the first place the
 * chain breaks: a record whose {@code seq} is not the next one (a deleted or reordered record), whose
 * {@code prevHash} is not its predecessor's hash, or whose content no longer hashes to its {@code hash} (an edited
 * record). {@link #finish(ChainHead)} also catches records cut from the end, against the stored chain head.
 */
public final class ChainVerifier {

    private long expectedSeq;
    private String previousHash;
    private long records;
    private Long firstBrokenSeq;

    /** A verifier of a whole chain, from its first record. */
    public ChainVerifier() {
        this(1, ChainHasher.GENESIS);
    }

    /** A verifier of a chain segment (an exported day) that starts at {@code seq} after {@code previousHash}. */
    public ChainVerifier(long seq, String previousHash) {
        this.expectedSeq = seq;
        this.previousHash = previousHash;
    }

    /** Takes the next record, as stored. */
    public void accept(JsonNode record) {
        records++;
        if (firstBrokenSeq != null) {
            return;
        }
        JsonNode seqNode = record.get(ChainHasher.SEQ);
        if (seqNode == null || !seqNode.canConvertToLong() || seqNode.asLong() != expectedSeq) {
            // a gap (deleted record) or a record out of place: the chain breaks where the expected one is missing
            firstBrokenSeq = expectedSeq;
            return;
        }
        String stored = text(record, ChainHasher.HASH);
        if (!previousHash.equals(text(record, ChainHasher.PREV_HASH)) || stored == null || !stored.equals(ChainHasher.hashOf(record))) {
            firstBrokenSeq = expectedSeq;
            return;
        }
        previousHash = stored;
        expectedSeq++;
    }

    /** The verdict over the records seen, without a chain head to compare the end with. */
    public AuditVerification finish() {
        return finish(null);
    }

    /**
     * The verdict; with the realm's stored chain head, records removed from the end of the chain (the newest ones)
     * are detected as well.
     */
    public AuditVerification finish(ChainHead head) {
        Long broken = firstBrokenSeq;
        if (broken == null && head != null) {
            long last = expectedSeq - 1;
            if (head.seq() > last) {
                broken = expectedSeq; // the newest records are missing
            } else if (head.seq() < last) {
                broken = head.seq() + 1; // records beyond the head were never chained by the extension
            } else if (!head.hash().equals(previousHash)) {
                broken = Math.max(1, last); // the last record was replaced with a self-consistent one
            }
        }
        return new AuditVerification(broken == null, records, broken);
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || !value.isTextual() ? null : value.textValue();
    }
}
