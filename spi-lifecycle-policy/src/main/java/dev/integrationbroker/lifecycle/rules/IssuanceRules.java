package dev.integrationbroker.lifecycle.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;

/**
 * SPEC §3.2: whether an integration may get a token at a given instant, computed from its attributes alone,
 * so a lapse takes effect at the next request whether or not a sweep has run.
 */
public final class IssuanceRules {

    private IssuanceRules() {
    }

    public static IssuanceDecision decide(Integration integration, RealmPolicy policy, OwnerState owners, Instant now) {
        if (integration.status().blocksIssuance()) {
            String why = integration.suspendedReason().map(r -> " (" + r.wire() + ")").orElse("");
            return IssuanceDecision.refuse(integration.status().wire(), "integration is " + integration.status().wire() + why);
        }
        Optional<String> missing = integration.firstMissingRequired();
        if (missing.isPresent()) {
            return IssuanceDecision.refuse("metadata-incomplete", "metadata incomplete: " + missing.get() + " is missing");
        }
        Optional<Instant> expiresAt = integration.expiresAt();
        if (expiresAt.isPresent() && !now.isBefore(expiresAt.get())) {
            return IssuanceDecision.refuse("expired", "integration expired on " + Rfc3339.day(expiresAt.get()));
        }
        if (owners != OwnerState.VALID && orphanGraceOver(integration, policy, now)) {
            return IssuanceDecision.refuse("owner-missing",
                    owners == OwnerState.MISSING ? "owner missing: an owner is not a user of this realm" : "owner missing: an owner is disabled");
        }
        long maxLifetime = expiresAt.map(e -> secondsBetween(now, e)).orElse(Long.MAX_VALUE);
        Optional<Instant> nextReview = integration.effectiveNextReview(policy.defaultReviewIntervalDays());
        if (nextReview.isEmpty()) {
            return IssuanceDecision.allow(maxLifetime, false);
        }
        Instant review = nextReview.get();
        if (now.isBefore(review)) {
            return IssuanceDecision.allow(Math.min(maxLifetime, secondsBetween(now, review)), false);
        }
        Instant graceEnd = review.plus(Duration.ofDays(policy.graceDays()));
        if (now.isBefore(graceEnd)) {
            long inGrace = Math.min(policy.graceTokenTtl(), secondsBetween(now, graceEnd));
            return IssuanceDecision.allow(Math.min(maxLifetime, inGrace), true);
        }
        return IssuanceDecision.refuse("review-lapsed", "review lapsed on " + Rfc3339.day(review));
    }

    private static boolean orphanGraceOver(Integration integration, RealmPolicy policy, Instant now) {
        if (policy.orphanGraceDays() == 0) {
            return true;
        }
        // Not yet recorded: the owner just became invalid; the listener or the sweep records the start.
        return integration.ownerInvalidSince()
                .map(since -> !now.isBefore(since.plus(Duration.ofDays(policy.orphanGraceDays()))))
                .orElse(false);
    }

    private static long secondsBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }
}
