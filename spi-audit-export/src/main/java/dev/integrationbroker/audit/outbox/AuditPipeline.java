package dev.integrationbroker.audit.outbox;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.keycloak.models.KeycloakSession;

import dev.integrationbroker.audit.config.AuditConfig;
import dev.integrationbroker.audit.format.RecordFormat;
import dev.integrationbroker.audit.sink.AuditSink;

/**
 * The audit module's shared services of one server, owned by the listener factory: the writer used by request
 * sessions, the drain loop, and the backlog monitor the gate asks. Drain passes start with {@link #start}, once the
 * database is migrated.
 */
public final class AuditPipeline {

    private final AuditConfig config;
    private final BacklogMonitor backlog;
    private final DeliveryStats stats = new DeliveryStats();
    private final DrainLoop drain;
    private final OutboxWriter writer;
    private volatile OutboxDrainer drainer;
    private volatile AuditSink sink;

    public AuditPipeline(AuditConfig config, Function<KeycloakSession, OutboxRepository> repositories) {
        this.config = config;
        this.backlog = new BacklogMonitor(config.maxBacklog(), config.failClosed());
        this.drain = new DrainLoop(this::pass);
        this.writer = new OutboxWriter(repositories, drain);
    }

    /** Begins draining through the sink, on the executor, using the transactions given. */
    public void start(OutboxTransactions transactions, AuditSink auditSink, Executor executor) {
        this.sink = auditSink;
        this.drainer = new OutboxDrainer(transactions, auditSink, RecordFormat.of(config.format()), Backoff.DEFAULT, backlog, stats,
                Clock.systemUTC());
        drain.start(executor);
    }

    /** Asks for a drain pass (timer tick, after commit). */
    public void requestDrain() {
        drain.request();
    }

    public void close() {
        drain.close();
    }

    public OutboxWriter writer() {
        return writer;
    }

    public BacklogMonitor backlog() {
        return backlog;
    }

    public DeliveryStats stats() {
        return stats;
    }

    public AuditConfig config() {
        return config;
    }

    /** Server info: effective options, then this node's counters. */
    public Map<String, String> describe() {
        Map<String, String> info = new LinkedHashMap<>(config.describe());
        AuditSink current = sink;
        info.put("sinkTarget", current == null ? "not started" : current.describe());
        info.put("backlog", Long.toString(backlog.backlog()));
        info.put("backlogAlarms", Long.toString(backlog.alarms()));
        info.put("acceptingIssuance", Boolean.toString(backlog.accepting()));
        info.putAll(stats.describe());
        return info;
    }

    private boolean pass() {
        OutboxDrainer current = drainer;
        return current != null && current.pass();
    }
}
