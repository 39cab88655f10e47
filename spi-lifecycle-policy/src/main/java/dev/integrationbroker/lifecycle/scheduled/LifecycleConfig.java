package dev.integrationbroker.lifecycle.scheduled;

import java.time.Duration;

import org.keycloak.Config;

/**
 * Server options of {@code integration-lifecycle/default}, read once at start and validated.
 *
 * @param sweepInterval how often the lifecycle sweep runs (at least 10 s)
 * @param lastUsedFlushInterval how often coalesced last-used times are written (at least 1 s)
 */
public record LifecycleConfig(Duration sweepInterval, Duration lastUsedFlushInterval) {

    public static final String SWEEP_INTERVAL = "sweep-interval";
    public static final String LAST_USED_FLUSH_INTERVAL = "last-used-flush-interval";
    static final long DEFAULT_SWEEP_SECONDS = 300;
    static final long MIN_SWEEP_SECONDS = 10;
    static final long DEFAULT_FLUSH_SECONDS = 600;

    public static LifecycleConfig from(Config.Scope scope) {
        long sweep = seconds(scope, SWEEP_INTERVAL, DEFAULT_SWEEP_SECONDS, MIN_SWEEP_SECONDS);
        long flush = seconds(scope, LAST_USED_FLUSH_INTERVAL, DEFAULT_FLUSH_SECONDS, 1);
        return new LifecycleConfig(Duration.ofSeconds(sweep), Duration.ofSeconds(flush));
    }

    private static long seconds(Config.Scope scope, String key, long fallback, long min) {
        String raw = scope.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("spi-integration-lifecycle--default--" + key + ": '" + raw + "' is not a whole number of seconds");
        }
        if (value < min || value > 86_400) {
            throw new IllegalArgumentException("spi-integration-lifecycle--default--" + key + ": " + value + " must be from " + min + " to 86400 seconds");
        }
        return value;
    }
}
