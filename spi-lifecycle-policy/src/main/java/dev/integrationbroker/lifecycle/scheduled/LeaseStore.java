package dev.integrationbroker.lifecycle.scheduled;

import java.time.Duration;

/**
 * Where the {@link SweepLease} lives: Keycloak's replicated single-use store ({@link SingleUseLeaseStore}); a map
 * in unit tests. Each call is atomic in the cluster.
 */
interface LeaseStore {

    /** Takes {@code key} for {@code owner} for {@code lifespan}; false while anyone holds it. */
    boolean take(String key, String owner, Duration lifespan);

    /**
     * Extends {@code owner}'s hold on {@code key} by {@code lifespan}, taking it again if it has expired meanwhile;
     * false when another owner holds it now.
     */
    boolean renew(String key, String owner, Duration lifespan);

    /** Gives {@code key} up if {@code owner} still holds it. */
    void release(String key, String owner);
}
