package dev.integrationbroker.lifecycle.scheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs the sweep once per interval across the cluster. Every node's timer fires; the first node to claim the
 * interval's slot in Keycloak's cluster-wide single-use store runs it, the others skip. (Keycloak's
 * cluster-aware task runner gives mutual exclusion only; the slot makes it once per interval, and the sweep's
 * idempotence makes a rare second run, after a full cluster restart, harmless.)
 * <p>
 * A sweep that outlasts its interval still holds the {@link SweepLease}, so another node's next slot does not
 * start a second sweep over the same integrations; a node that dies mid-sweep stops renewing the lease and it
 * expires within {@link SweepLease#LENGTH}, after which the next slot completes the work.
 */
final class SweepScheduler implements Runnable {

    static final String SLOT_PREFIX = "integration-broker.sweep-slot.";
    private static final Logger LOG = Logger.getLogger(SweepScheduler.class);

    private final KeycloakSessionFactory factory;
    private final Duration interval;

    SweepScheduler(KeycloakSessionFactory factory, Duration interval) {
        this.factory = factory;
        this.interval = interval;
    }

    @Override
    public void run() {
        long slot = Instant.now().getEpochSecond() / interval.toSeconds();
        try {
            if (!claim(slot)) {
                return;
            }
            Optional<SweepLease> lease = SweepLease.acquire(factory);
            if (lease.isEmpty()) {
                LOG.debugf("lifecycle sweep of slot %d skipped: an earlier sweep is still running", slot);
                return;
            }
            try (SweepLease held = lease.get()) {
                long started = System.nanoTime();
                LOG.debugf("lifecycle sweep of slot %d started on this node", slot);
                int steps = new LifecycleSweep(factory, held::renewIfDue).sweepAll();
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                if (steps > 0) {
                    LOG.infof("lifecycle sweep of slot %d: %d transitions in %d ms", slot, steps, millis);
                } else {
                    LOG.debugf("lifecycle sweep of slot %d: no transitions (%d ms)", slot, millis);
                }
            }
        } catch (SweepLease.LeaseLost e) {
            LOG.warnf("lifecycle sweep of slot %d: %s", slot, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "lifecycle sweep failed; the next interval retries");
        }
    }

    private boolean claim(long slot) {
        boolean[] claimed = {false};
        KeycloakModelUtils.runJobInTransaction(factory, session ->
                claimed[0] = session.singleUseObjects().putIfAbsent(SLOT_PREFIX + slot, interval.toSeconds() * 2));
        return claimed[0];
    }
}
