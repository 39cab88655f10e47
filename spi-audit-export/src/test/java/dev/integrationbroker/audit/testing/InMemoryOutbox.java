package dev.integrationbroker.audit.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.integrationbroker.audit.chain.ChainHead;
import dev.integrationbroker.audit.outbox.OutboxRecord;
import dev.integrationbroker.audit.outbox.OutboxRepository;
import dev.integrationbroker.audit.outbox.OutboxTransactions;
import dev.integrationbroker.audit.outbox.OutboxWork;
import dev.integrationbroker.audit.sink.SinkException;
import dev.integrationbroker.lifecycle.audit.AuditQuery;

/**
 * The outbox table in memory, for tests: same contract as the JPA repository, and transactions that roll back
 * (restore the previous rows) when the work throws.
 */
public final class InMemoryOutbox implements OutboxRepository, OutboxTransactions {

    /** A stored row. */
    public record Row(OutboxRecord record, int state, Long deliveredAt) {
    }

    private Map<String, Row> rows = new LinkedHashMap<>();
    private Map<String, ChainHead> heads = new HashMap<>();
    private int transactions;

    @Override
    public <T> T run(OutboxWork<T> work) throws SinkException {
        Map<String, Row> savedRows = new LinkedHashMap<>(rows);
        Map<String, ChainHead> savedHeads = new HashMap<>(heads);
        transactions++;
        try {
            return work.run(this);
        } catch (SinkException | RuntimeException e) {
            rows = savedRows;
            heads = savedHeads;
            throw e;
        }
    }

    public int transactions() {
        return transactions;
    }

    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /** Replaces a stored body as a tamperer with database access would. */
    public void tamper(String id, String body) {
        Row row = rows.get(id);
        OutboxRecord r = row.record();
        rows.put(id, new Row(new OutboxRecord(r.id(), r.realmId(), r.seq(), r.timeMillis(), r.type(), r.outcome(), r.clientId(), body),
                row.state(), row.deliveredAt()));
    }

    /** Deletes a row as a tamperer would. */
    public void delete(String id) {
        rows.remove(id);
    }

    @Override
    public void append(OutboxRecord record) {
        if (rows.containsKey(record.id())) {
            throw new IllegalStateException("duplicate id " + record.id());
        }
        rows.put(record.id(), new Row(record, 0, null));
    }

    @Override
    public List<String> realmsWithUndelivered(int limit) {
        return rows.values().stream().filter(r -> r.state() < 2).map(r -> r.record().realmId()).distinct().limit(limit).toList();
    }

    @Override
    public ChainHead lockHead(String realmId) {
        return heads.computeIfAbsent(realmId, id -> ChainHead.EMPTY);
    }

    @Override
    public ChainHead head(String realmId) {
        return heads.getOrDefault(realmId, ChainHead.EMPTY);
    }

    @Override
    public void saveHead(String realmId, ChainHead head) {
        heads.put(realmId, head);
    }

    @Override
    public List<OutboxRecord> pending(String realmId, int limit) {
        return rows.values().stream().filter(r -> r.state() == 0 && r.record().realmId().equals(realmId))
                .map(Row::record).sorted(Comparator.comparingLong(OutboxRecord::timeMillis).thenComparing(OutboxRecord::id))
                .limit(limit).toList();
    }

    @Override
    public void chained(String id, long seq, String body) {
        Row row = rows.get(id);
        if (row == null || row.state() != 0) {
            throw new IllegalStateException("audit record " + id + " is no longer pending");
        }
        OutboxRecord r = row.record();
        rows.put(id, new Row(new OutboxRecord(r.id(), r.realmId(), seq, r.timeMillis(), r.type(), r.outcome(), r.clientId(), body), 1, null));
    }

    @Override
    public List<OutboxRecord> undelivered(String realmId, int limit) {
        return chainedOf(realmId).filter(r -> r.state() == 1).map(Row::record).limit(limit).toList();
    }

    @Override
    public void delivered(List<String> ids, long atMillis) {
        for (String id : ids) {
            Row row = rows.get(id);
            if (row != null && row.state() == 1) {
                rows.put(id, new Row(row.record(), 2, atMillis));
            }
        }
    }

    @Override
    public long countUndelivered() {
        return rows.values().stream().filter(r -> r.state() < 2).count();
    }

    @Override
    public List<OutboxRecord> page(String realmId, AuditQuery query, long afterSeq, int limit) {
        return chainedOf(realmId).map(Row::record).filter(r -> r.seq() > afterSeq)
                .filter(r -> query.matches(r.timeMillis(), r.type(), r.outcome(), r.clientId())).limit(limit).toList();
    }

    @Override
    public List<OutboxRecord> chainSlice(String realmId, long afterSeq, long upToSeq, int limit) {
        return chainedOf(realmId).map(Row::record).filter(r -> r.seq() > afterSeq && r.seq() <= upToSeq).limit(limit).toList();
    }

    private java.util.stream.Stream<Row> chainedOf(String realmId) {
        List<Row> chained = new ArrayList<>(rows.values().stream()
                .filter(r -> r.state() > 0 && Objects.equals(r.record().realmId(), realmId)).toList());
        chained.sort(Comparator.comparing(r -> r.record().seq()));
        return chained.stream();
    }
}
