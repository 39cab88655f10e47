package dev.integrationbroker.audit.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Retry delays after consecutive sink failures: exponential from {@code base}, doubling per failure, capped at
 * {@code cap}, with "equal jitter" (a delay {@code d} becomes uniformly {@code d/2 .. d}) so nodes that failed
 * together do not retry together.
 */
public final class Backoff {

    /** 1 s, 2 s, 4 s, ... capped at 5 minutes. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private final Duration base;
    private final Duration cap;

    public Backoff(Duration base, Duration cap) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("base must be positive and cap at least base");
        }
        this.base = base;
        this.cap = cap;
    }

    /** The delay before the next attempt after {@code failures} consecutive failures (at least 1), without jitter. */
    public Duration nominal(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures: must be at least 1");
        }
        int doublings = Math.min(failures - 1, 62);
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    /**
     * The jittered delay: {@code nominal/2 + random * nominal/2}.
     *
     * @param random uniform in [0, 1)
     */
    public Duration delay(int failures, DoubleSupplier random) {
        long nominal = nominal(failures).toMillis();
        long half = nominal / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (nominal - half)));
    }
}
