package dev.integrationbroker.audit.sink;

import java.util.List;

/**
 * Where records are shipped. Delivery is at least once: a batch may be delivered again after a crash or a
 * failure reported after partial success, so consumers deduplicate by record id.
 */
public interface AuditSink {

    /**
     * Delivers a batch (records of one realm, in {@code seq} order) durably, or throws.
     *
     * @throws SinkException when the batch may not have been delivered
     */
    void deliver(List<SinkRecord> batch) throws SinkException;

    /** Where the sink writes, for logs and server info; never a secret. */
    String describe();
}
