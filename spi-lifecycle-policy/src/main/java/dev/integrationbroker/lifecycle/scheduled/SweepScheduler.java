package dev.integrationbroker.lifecycle.scheduled;

import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs the sweep once per interval across the cluster. Every node's timer fires; the first node to claim the
 * interval's slot in Keycloak's cluster-wide single-use store runs it, the others skip. (Keycloak's
 * cluster-aware task runner gives mutual exclusion only; the slot makes it once per interval, and the sweep's
 * idempotence makes a rare second run, after a full cluster restart, harmless.)
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
        boolean[] claimed = {false};
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session ->
                    claimed[0] = session.singleUseObjects().putIfAbsent(SLOT_PREFIX + slot, interval.toSeconds() * 2));
            if (claimed[0]) {
                LOG.debugf("lifecycle sweep of slot %d started on this node", slot);
                int steps = new LifecycleSweep(factory).sweepAll();
                LOG.debugf("lifecycle sweep of slot %d: %d transitions", slot, steps);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "lifecycle sweep failed; the next interval retries");
        }
    }
}
