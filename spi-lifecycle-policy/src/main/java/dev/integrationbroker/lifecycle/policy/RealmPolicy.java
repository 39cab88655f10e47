package dev.integrationbroker.lifecycle.policy;

import java.util.List;
import java.util.Objects;

/**
 * A realm's integration policy (SPEC §2.1): immutable, always valid (built only through
 * {@link RealmPolicyJson}, which checks every rule). Durations are seconds, intervals days.
 *
 * @param softwareStatementKeys JWKS JSON text of the keys trusted to sign DCR software statements, or null
 */
public record RealmPolicy(
        PolicyMode mode,
        UnregisteredPolicy unregisteredServiceAccounts,
        int defaultTokenTtl,
        int maxTokenTtl,
        int defaultReviewIntervalDays,
        int maxReviewIntervalDays,
        List<Integer> reminderDays,
        int graceDays,
        int graceTokenTtl,
        int dormantAfterDays,
        int orphanGraceDays,
        int retireAfterDays,
        boolean deleteRetired,
        List<String> privilegedAudiences,
        boolean allowSameOwner,
        String softwareStatementKeys) {

    /** The policy of a realm that never saved one. */
    public static final RealmPolicy DEFAULTS = new RealmPolicy(PolicyMode.ENFORCE, UnregisteredPolicy.MONITOR,
            300, 3600, 90, 365, List.of(14, 7, 1), 0, 60, 90, 7, 90, false, List.of(), false, null);

    public RealmPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(unregisteredServiceAccounts, "unregisteredServiceAccounts");
        reminderDays = List.copyOf(reminderDays);
        privilegedAudiences = List.copyOf(privilegedAudiences);
    }

    /** Whether the realm is governed at all. */
    public boolean active() {
        return mode != PolicyMode.OFF;
    }

    /** Whether decisions refuse (as opposed to being only audited). */
    public boolean enforcing() {
        return mode == PolicyMode.ENFORCE;
    }
}
