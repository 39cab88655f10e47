package dev.integrationbroker.audit.outbox;

import java.util.Objects;

/**
 * One outbox row as the pipeline sees it.
 *
 * @param seq null until chained
 * @param timeMillis the record time, for filters
 * @param body the record's JSON text; once chained it carries {@code seq}, {@code prevHash} and {@code hash}
 */
public record OutboxRecord(String id, String realmId, Long seq, long timeMillis, String type, String outcome, String clientId, String body) {

    public OutboxRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(body, "body");
    }
}
