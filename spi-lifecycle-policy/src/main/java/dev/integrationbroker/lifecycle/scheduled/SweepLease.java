package dev.integrationbroker.lifecycle.scheduled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The cluster-wide right to run a lifecycle sweep, held in Keycloak's replicated single-use store. At most one
 * sweep (scheduled or on demand) runs at a time in the cluster, so no integration is transitioned twice by two
 * overlapping sweeps. The lease lasts {@link #LENGTH} and the holder renews it after every step, so a sweep of
 * any length keeps it; a holder that dies stops renewing and the lease expires a minute later at most, after
 * which the next sweep completes the work. A holder whose step stalled past the lease and finds it taken by
 * another sweep stops ({@link LeaseLost}) instead of running beside it.
 */
public final class SweepLease implements AutoCloseable {

    static final String KEY = "integration-broker.sweep-lease";
    /** How long a lease lasts without renewal: the wait after a crash, and the longest a single step may stall. */
    public static final Duration LENGTH = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(SweepLease.class);

    private final LeaseStore store;
    private final Clock clock;
    private final String owner;
    private Instant renewed;

    private SweepLease(LeaseStore store, Clock clock, String owner) {
        this.store = store;
        this.clock = clock;
        this.owner = owner;
        this.renewed = clock.instant();
    }

    /** Takes the lease, or answers empty while another sweep holds it. */
    public static Optional<SweepLease> acquire(KeycloakSessionFactory factory) {
        return acquire(new SingleUseLeaseStore(factory), Clock.systemUTC());
    }

    static Optional<SweepLease> acquire(LeaseStore store, Clock clock) {
        String owner = UUID.randomUUID().toString();
        return store.take(KEY, owner, LENGTH) ? Optional.of(new SweepLease(store, clock, owner)) : Optional.empty();
    }

    /**
     * Extends the lease once a third of it has passed; cheap to call after every step.
     *
     * @throws LeaseLost when another sweep took the lease after this one let it expire
     */
    public void renewIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(renewed.plus(LENGTH.dividedBy(3)))) {
            return;
        }
        if (!store.renew(KEY, owner, LENGTH)) {
            throw new LeaseLost();
        }
        renewed = now;
    }

    @Override
    public void close() {
        try {
            store.release(KEY, owner);
        } catch (RuntimeException e) {
            LOG.warnf("could not release the lifecycle sweep lease; it expires within %d s", LENGTH.toSeconds());
        }
    }

    /** This sweep stalled longer than its lease and another sweep holds it now; this one stops. */
    public static final class LeaseLost extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        LeaseLost() {
            super("the lifecycle sweep stalled for more than " + LENGTH.toSeconds()
                    + " s and another sweep took over its cluster lease; this one stopped");
        }
    }
}
