package dev.integrationbroker.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Bounded waits for effects that a server applies in the background (timers, sweeps, deliveries). */
public final class Waits {

    private Waits() {
    }

    /** Polls {@code condition} every second until it holds; fails the test when {@code timeout} passes first. */
    public static void awaitTrue(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(1000);
        }
        assertThat(condition.getAsBoolean()).as("condition within " + timeout).isTrue();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
