package dev.integrationbroker.audit.outbox;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

/**
 * Runs drain passes on an executor, one at a time: requests made while a pass runs are coalesced into one more
 * pass, and a pass that reports more work is followed by another. A request costs two atomic operations, so every
 * committed transaction can make one.
 */
public final class DrainLoop {

    private static final Logger LOG = Logger.getLogger(DrainLoop.class);

    private final BooleanSupplier pass;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Executor executor;
    private volatile boolean closed;

    /** @param pass one drain pass; returns true when more work is known to remain */
    public DrainLoop(BooleanSupplier pass) {
        this.pass = pass;
    }

    /** Starts running requested passes on the executor (requests before this are kept). */
    public void start(Executor value) {
        this.executor = value;
        request();
    }

    /** Asks for a pass soon; never blocks. */
    public void request() {
        requested.set(true);
        if (executor != null && !closed && running.compareAndSet(false, true)) {
            submit();
        }
    }

    /** No pass starts after this; a running one finishes. */
    public void close() {
        closed = true;
    }

    private void submit() {
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException e) {
            running.set(false); // shutting down: the outbox keeps the records for the next start
        }
    }

    private void run() {
        try {
            while (!closed && requested.getAndSet(false)) {
                if (pass.getAsBoolean()) {
                    requested.set(true);
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "integration-audit: drain pass failed; records stay in the outbox");
        } finally {
            running.set(false);
            if (requested.get() && !closed && running.compareAndSet(false, true)) {
                submit();
            }
        }
    }
}
