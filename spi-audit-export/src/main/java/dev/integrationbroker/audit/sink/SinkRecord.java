package dev.integrationbroker.audit.sink;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record on its way to a sink.
 *
 * @param id the record id (deduplication key)
 * @param realm the realm name (file sink directory)
 * @param time the record time (file sink day)
 * @param document what the sink writes: the record, or its OCSF form
 */
public record SinkRecord(String id, String realm, Instant time, JsonNode document) {

    public SinkRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(document, "document");
    }
}
