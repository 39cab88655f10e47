package dev.integrationbroker.audit.outbox;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * The undelivered backlog against {@code max-backlog}, as last counted by a drain pass (no query per token). Going
 * over the bound raises the alarm once: a warning in the log and the {@code backlogAlarms} counter in server info;
 * with {@code fail-closed} issuance is refused until the backlog is back within the bound.
 */
public final class BacklogMonitor {

    private static final Logger LOG = Logger.getLogger(BacklogMonitor.class);

    private final long maxBacklog;
    private final boolean failClosed;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong alarms = new AtomicLong();
    private volatile boolean over;

    public BacklogMonitor(long maxBacklog, boolean failClosed) {
        this.maxBacklog = maxBacklog;
        this.failClosed = failClosed;
    }

    /** Takes a fresh count of undelivered records. */
    public void update(long undelivered) {
        backlog.set(undelivered);
        boolean nowOver = undelivered > maxBacklog;
        if (nowOver && !over) {
            alarms.incrementAndGet();
            LOG.warnf("integration-audit: %d undelivered audit records exceed max-backlog %d; %s", undelivered, maxBacklog,
                    failClosed ? "token issuance is refused (fail-closed) until the sink catches up" : "issuance continues (fail-closed=false)");
        } else if (!nowOver && over) {
            LOG.infof("integration-audit: backlog back to %d (max-backlog %d)", undelivered, maxBacklog);
        }
        over = nowOver;
    }

    /** False only while fail-closed and over the bound. */
    public boolean accepting() {
        return !(failClosed && over);
    }

    public long backlog() {
        return backlog.get();
    }

    public long alarms() {
        return alarms.get();
    }

    public boolean over() {
        return over;
    }
}
