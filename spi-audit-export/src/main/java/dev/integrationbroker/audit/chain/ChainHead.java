package dev.integrationbroker.audit.chain;

import java.util.Objects;

/**
 * The end of a realm's chain: the last {@code seq} given out and that record's hash. A realm without records has
 * {@link #EMPTY}: seq 0 and the genesis hash.
 */
public record ChainHead(long seq, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, ChainHasher.GENESIS);

    public ChainHead {
        if (seq < 0) {
            throw new IllegalArgumentException("seq: must not be negative");
        }
        Objects.requireNonNull(hash, "hash");
    }
}
