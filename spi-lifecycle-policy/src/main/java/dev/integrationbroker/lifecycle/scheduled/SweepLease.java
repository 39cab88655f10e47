package dev.integrationbroker.lifecycle.scheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The cluster-wide right to run a lifecycle sweep, held in Keycloak's replicated single-use store. At most one
 * sweep (scheduled or on demand) runs at a time in the cluster, so no integration is transitioned twice by two
 * overlapping sweeps. The holder renews it while it works; a holder that dies stops renewing and the lease
 * expires, after which the next sweep completes the work.
 */
public final class SweepLease implements AutoCloseable {

    static final String KEY = "integration-broker.sweep-lease";
    /** The lease of an on-demand sweep: renewed while it runs, so any length of sweep keeps it. */
    public static final Duration ON_DEMAND = Duration.ofMinutes(1);
    private static final String OWNER = "owner";
    private static final Logger LOG = Logger.getLogger(SweepLease.class);

    private final KeycloakSessionFactory factory;
    private final Duration length;
    private final String owner;
    private Instant renewed;

    private SweepLease(KeycloakSessionFactory factory, Duration length, String owner) {
        this.factory = factory;
        this.length = length;
        this.owner = owner;
        this.renewed = Instant.now();
    }

    /** Takes the lease for {@code length} (renewable), or answers empty while another sweep holds it. */
    public static Optional<SweepLease> acquire(KeycloakSessionFactory factory, Duration length) {
        String owner = UUID.randomUUID().toString();
        boolean[] acquired = {false};
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            acquired[0] = session.singleUseObjects().putIfAbsent(KEY, length.toSeconds());
            if (acquired[0]) {
                session.singleUseObjects().put(KEY, length.toSeconds(), Map.of(OWNER, owner));
            }
        });
        return acquired[0] ? Optional.of(new SweepLease(factory, length, owner)) : Optional.empty();
    }

    /** Extends the lease once a third of it has passed; cheap to call after every step. */
    public void renewIfDue() {
        Instant now = Instant.now();
        if (now.isBefore(renewed.plus(length.dividedBy(3)))) {
            return;
        }
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            Map<String, String> held = session.singleUseObjects().get(KEY);
            if (held == null || owner.equals(held.get(OWNER))) {
                session.singleUseObjects().put(KEY, length.toSeconds(), Map.of(OWNER, owner));
            }
        });
        renewed = now;
    }

    @Override
    public void close() {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                Map<String, String> held = session.singleUseObjects().get(KEY);
                if (held != null && owner.equals(held.get(OWNER))) {
                    session.singleUseObjects().remove(KEY);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("could not release the lifecycle sweep lease; it expires within %d s", length.toSeconds());
        }
    }
}
