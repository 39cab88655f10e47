package dev.integrationbroker.audit.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.integrationbroker.audit.record.SafeText;

/** Counters of this node's pipeline, shown in server info. */
public final class DeliveryStats {

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong sinkFailures = new AtomicLong();
    private final AtomicLong recordFailures = new AtomicLong();
    private volatile Instant lastDelivery;
    private volatile String lastError;

    void delivered(int count, Instant at) {
        delivered.addAndGet(count);
        lastDelivery = at;
    }

    void sinkFailed(String message) {
        sinkFailures.incrementAndGet();
        lastError = SafeText.of(message, 200);
    }

    /** A record could not be built or stored from an event. */
    public void recordFailed(String message) {
        recordFailures.incrementAndGet();
        lastError = SafeText.of(message, 200);
    }

    public long delivered() {
        return delivered.get();
    }

    public long sinkFailures() {
        return sinkFailures.get();
    }

    public long recordFailures() {
        return recordFailures.get();
    }

    Map<String, String> describe() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("delivered", Long.toString(delivered.get()));
        info.put("lastDelivery", lastDelivery == null ? "" : lastDelivery.toString());
        info.put("sinkFailures", Long.toString(sinkFailures.get()));
        info.put("recordFailures", Long.toString(recordFailures.get()));
        info.put("lastError", lastError == null ? "" : lastError);
        return info;
    }
}
