package dev.integrationbroker.audit.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;

import dev.integrationbroker.audit.format.RecordFormat;
import dev.integrationbroker.audit.sink.AuditSink;
import dev.integrationbroker.audit.sink.SinkException;

/**
 * One drain pass over every realm with undelivered records: chain what is pending, ship what is chained (unless the
 * sink is backing off), then recount the backlog. Each step is its own short transaction, so a failure anywhere
 * leaves the outbox consistent and the next pass carries on.
 */
public final class OutboxDrainer {

    /** Records per transaction and per sink batch. */
    static final int BATCH = 500;
    static final int REALMS_PER_PASS = 1000;

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class);

    private final OutboxTransactions transactions;
    private final AuditSink sink;
    private final RecordFormat format;
    private final RetryGate retry;
    private final BacklogMonitor backlog;
    private final DeliveryStats stats;
    private final Clock clock;

    public OutboxDrainer(OutboxTransactions transactions, AuditSink sink, RecordFormat format, Backoff backoff,
            BacklogMonitor backlog, DeliveryStats stats, Clock clock) {
        this(transactions, sink, format, new RetryGate(backoff), backlog, stats, clock);
    }

    OutboxDrainer(OutboxTransactions transactions, AuditSink sink, RecordFormat format, RetryGate retry,
            BacklogMonitor backlog, DeliveryStats stats, Clock clock) {
        this.transactions = transactions;
        this.sink = sink;
        this.format = format;
        this.retry = retry;
        this.backlog = backlog;
        this.stats = stats;
        this.clock = clock;
    }

    /** Runs one pass; true when a batch was full, so more work is likely waiting. */
    public boolean pass() {
        boolean more = false;
        try {
            List<String> realms = transactions.run(repository -> repository.realmsWithUndelivered(REALMS_PER_PASS));
            for (String realmId : realms) {
                more |= drainRealm(realmId);
            }
            backlog.update(transactions.run(OutboxRepository::countUndelivered));
        } catch (SinkException | RuntimeException e) {
            LOG.warnf("integration-audit: drain pass stopped: %s", e.getMessage());
            return false;
        }
        return more;
    }

    private boolean drainRealm(String realmId) throws SinkException {
        int chained;
        try {
            chained = transactions.run(repository -> OutboxChainer.chain(repository, realmId, BATCH));
        } catch (RuntimeException e) {
            // a concurrent chainer on another node, or a database hiccup: the next pass retries
            LOG.debugf("integration-audit: chaining realm %s deferred: %s", realmId, e.getMessage());
            return false;
        }
        boolean more = chained == BATCH;
        if (!retry.ready(clock.instant())) {
            return more;
        }
        try {
            int shipped = transactions.run(repository -> OutboxShipper.ship(repository, realmId, BATCH, sink, format, clock.millis()));
            if (shipped > 0) {
                stats.delivered(shipped, clock.instant());
            }
            retry.succeeded();
            return more || shipped == BATCH;
        } catch (SinkException e) {
            Duration delay = retry.failed(clock.instant());
            stats.sinkFailed(e.getMessage());
            LOG.warnf("integration-audit: %s failed (%s); %d consecutive failures, next attempt in %d ms; records stay in the outbox",
                    sink.describe(), e.getMessage(), retry.failures(), delay.toMillis());
            return more;
        }
    }
}
