package dev.integrationbroker.audit.outbox;

import java.util.List;

import dev.integrationbroker.audit.chain.ChainHead;
import dev.integrationbroker.lifecycle.audit.AuditQuery;

/** The outbox table within one transaction. */
public interface OutboxRepository {

    /** Inserts an unchained record. */
    void append(OutboxRecord record);

    /** Realms that have records not yet delivered (pending or chained), at most {@code limit}. */
    List<String> realmsWithUndelivered(int limit);

    /**
     * Locks the realm's chain head until the transaction ends ({@code SELECT ... FOR UPDATE}), creating it at
     * {@link ChainHead#EMPTY} when the realm has none yet.
     */
    ChainHead lockHead(String realmId);

    /** Reads the realm's chain head without locking; {@link ChainHead#EMPTY} when none. */
    ChainHead head(String realmId);

    /** Stores the head after chaining (the head must be locked in this transaction). */
    void saveHead(String realmId, ChainHead head);

    /** The oldest unchained records of the realm, by time then id. */
    List<OutboxRecord> pending(String realmId, int limit);

    /**
     * Marks a pending record chained with its sequence number and linked body.
     *
     * @throws IllegalStateException when the record is no longer pending (another chainer got it first)
     */
    void chained(String id, long seq, String body);

    /** The realm's chained, undelivered records in {@code seq} order. */
    List<OutboxRecord> undelivered(String realmId, int limit);

    /** Marks records delivered. */
    void delivered(List<String> ids, long atMillis);

    /** How many records of all realms are not yet delivered. */
    long countUndelivered();

    /** Chained records of the realm matching the query, with {@code seq} greater than {@code afterSeq}, in {@code seq} order. */
    List<OutboxRecord> page(String realmId, AuditQuery query, long afterSeq, int limit);

    /** Chained records of the realm with {@code afterSeq < seq <= upToSeq}, in {@code seq} order. */
    List<OutboxRecord> chainSlice(String realmId, long afterSeq, long upToSeq, int limit);
}
