package dev.integrationbroker.lifecycle.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationStatus;
import dev.integrationbroker.lifecycle.model.SuspendedReason;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;

/**
 * SPEC §4: the next lifecycle step of an integration at an instant, from its attributes alone. Applying the
 * result and asking again yields no further step until time moves on, so a sweep is idempotent and a sweep
 * interrupted half-way is completed by the next one.
 */
public final class LifecycleRules {

    private LifecycleRules() {
    }

    public static Optional<Transition> next(Integration integration, RealmPolicy policy, OwnerState owners, Instant now) {
        IntegrationStatus status = integration.status();
        if (status == IntegrationStatus.RETIRED) {
            return policy.deleteRetired() ? Optional.of(new Transition(status, null, null)) : Optional.empty();
        }
        if (status == IntegrationStatus.SUSPENDED) {
            Instant since = integration.suspendedAt().orElse(now);
            boolean retire = !now.isBefore(since.plus(Duration.ofDays(policy.retireAfterDays())));
            return retire ? Optional.of(new Transition(status, IntegrationStatus.RETIRED, null)) : Optional.empty();
        }
        Optional<SuspendedReason> suspension = suspensionReason(integration, policy, owners, now);
        if (suspension.isPresent()) {
            return Optional.of(new Transition(status, IntegrationStatus.SUSPENDED, suspension.get()));
        }
        IntegrationStatus target = reviewStatus(integration, policy, now);
        return target == status ? Optional.empty() : Optional.of(new Transition(status, target, null));
    }

    private static Optional<SuspendedReason> suspensionReason(Integration integration, RealmPolicy policy, OwnerState owners, Instant now) {
        if (integration.expiresAt().map(e -> !now.isBefore(e)).orElse(false)) {
            return Optional.of(SuspendedReason.EXPIRED);
        }
        if (owners != OwnerState.VALID) {
            Instant since = integration.ownerInvalidSince().orElse(now);
            if (!now.isBefore(since.plus(Duration.ofDays(policy.orphanGraceDays())))) {
                return Optional.of(SuspendedReason.OWNER_MISSING);
            }
        }
        Optional<Instant> review = integration.effectiveNextReview(policy.defaultReviewIntervalDays());
        if (review.isPresent() && !now.isBefore(review.get().plus(Duration.ofDays(policy.graceDays())))) {
            return Optional.of(SuspendedReason.REVIEW_LAPSED);
        }
        if (policy.dormantAfterDays() > 0) {
            Optional<Instant> lastActivity = integration.lastUsedAt().or(integration::registeredAt);
            if (lastActivity.isPresent() && !now.isBefore(lastActivity.get().plus(Duration.ofDays(policy.dormantAfterDays())))) {
                return Optional.of(SuspendedReason.DORMANT);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a sweep step could write anything for this integration now: a transition, a first stamp, an owner
     * clock to start or clear, or a reminder window reached. False means the step is read-only, so a cached copy
     * of the client is good enough to skip it; true means the step must work on the committed row.
     */
    public static boolean mayNeedWrite(Integration integration, RealmPolicy policy, OwnerState owners, Instant now) {
        if (!integration.stamped() || owners != OwnerState.VALID || integration.ownerInvalidSince().isPresent()) {
            return true;
        }
        return next(integration, policy, owners, now).isPresent() || reminderWindow(integration, policy, now).isPresent();
    }

    /** The widest reminder window reached (days before the review), while the review is still ahead and issuance open. */
    public static Optional<Integer> reminderWindow(Integration integration, RealmPolicy policy, Instant now) {
        Optional<Instant> review = integration.nextReview();
        if (review.isEmpty() || !now.isBefore(review.get()) || integration.status().blocksIssuance()) {
            return Optional.empty();
        }
        return policy.reminderDays().stream().filter(d -> !now.isBefore(review.get().minus(Duration.ofDays(d)))).min(Integer::compare);
    }

    /** Active, review-due (inside the first reminder window) or grace (review passed, grace running). */
    private static IntegrationStatus reviewStatus(Integration integration, RealmPolicy policy, Instant now) {
        Optional<Instant> review = integration.effectiveNextReview(policy.defaultReviewIntervalDays());
        if (review.isEmpty()) {
            return IntegrationStatus.ACTIVE;
        }
        if (!now.isBefore(review.get())) {
            return IntegrationStatus.GRACE;
        }
        int window = policy.reminderDays().stream().mapToInt(Integer::intValue).max().orElse(0);
        return !now.isBefore(review.get().minus(Duration.ofDays(window))) && window > 0 ? IntegrationStatus.REVIEW_DUE : IntegrationStatus.ACTIVE;
    }
}
