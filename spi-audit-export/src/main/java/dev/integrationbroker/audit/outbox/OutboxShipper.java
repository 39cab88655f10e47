package dev.integrationbroker.audit.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.format.RecordFormat;
import dev.integrationbroker.audit.record.Json;
import dev.integrationbroker.audit.sink.AuditSink;
import dev.integrationbroker.audit.sink.SinkException;
import dev.integrationbroker.audit.sink.SinkRecord;

/**
 * Ships a realm's chained records to the sink in {@code seq} order and marks them delivered, all under the realm's
 * chain-head lock so two nodes never ship the same realm at once. When the sink fails, the transaction rolls back
 * and the records stay undelivered.
 */
final class OutboxShipper {

    private OutboxShipper() {
    }

    /** Ships up to {@code limit} records; returns how many were delivered. */
    static int ship(OutboxRepository repository, String realmId, int limit, AuditSink sink, RecordFormat format, long nowMillis)
            throws SinkException {
        repository.lockHead(realmId);
        List<OutboxRecord> batch = repository.undelivered(realmId, limit);
        if (batch.isEmpty()) {
            return 0;
        }
        List<SinkRecord> documents = new ArrayList<>(batch.size());
        for (OutboxRecord record : batch) {
            ObjectNode json = Json.parseObject(record.body());
            documents.add(new SinkRecord(record.id(), json.path("realm").asText(realmId), Instant.ofEpochMilli(record.timeMillis()),
                    format.render(json)));
        }
        sink.deliver(documents);
        repository.delivered(batch.stream().map(OutboxRecord::id).toList(), nowMillis);
        return batch.size();
    }
}
