package dev.integrationbroker.audit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Whether the sink may be tried now, given its recent failures and the back-off policy. Thread-safe. */
final class RetryGate {

    private final Backoff backoff;
    private final DoubleSupplier random;
    private int failures;
    private Instant nextAttempt = Instant.MIN;

    RetryGate(Backoff backoff) {
        this(backoff, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryGate(Backoff backoff, DoubleSupplier random) {
        this.backoff = backoff;
        this.random = random;
    }

    synchronized boolean ready(Instant now) {
        return !now.isBefore(nextAttempt);
    }

    /** Records a failure; returns the delay before the next attempt. */
    synchronized Duration failed(Instant now) {
        failures = failures == Integer.MAX_VALUE ? failures : failures + 1;
        Duration delay = backoff.delay(failures, random);
        nextAttempt = now.plus(delay);
        return delay;
    }

    synchronized void succeeded() {
        failures = 0;
        nextAttempt = Instant.MIN;
    }

    synchronized int failures() {
        return failures;
    }
}
