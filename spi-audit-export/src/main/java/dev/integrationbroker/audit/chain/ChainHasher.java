package dev.integrationbroker.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.JtiDigest;

/** Links records into a chain and computes their hashes (see the package documentation for the rule). */
public final class ChainHasher {

    /** {@code prevHash} of the first record of a chain: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    public static final String SEQ = "seq";
    public static final String PREV_HASH = "prevHash";
    public static final String HASH = "hash";

    private ChainHasher() {
    }

    /** The hash a record should carry: SHA-256 over its canonical form without the {@code hash} member. */
    public static String hashOf(JsonNode record) {
        ObjectNode content = ((ObjectNode) record).deepCopy();
        content.remove(HASH);
        return JtiDigest.sha256Hex(CanonicalJson.bytes(content));
    }

    /**
     * Appends a record to the chain: sets {@code seq}, {@code prevHash} and {@code hash} on it (replacing any
     * present) and returns the new head.
     */
    public static ChainHead link(ObjectNode record, ChainHead head) {
        long seq = head.seq() + 1;
        record.remove(HASH);
        record.put(SEQ, seq);
        record.put(PREV_HASH, head.hash());
        String hash = hashOf(record);
        record.put(HASH, hash);
        return new ChainHead(seq, hash);
    }
}
