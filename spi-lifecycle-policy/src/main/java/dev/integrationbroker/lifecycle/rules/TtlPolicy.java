package dev.integrationbroker.lifecycle.rules;

import java.util.OptionalInt;
import java.util.OptionalLong;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;

/**
 * SPEC §3.1: the granted lifetime is the minimum of every term that applies. A result below one second
 * means no token can be issued.
 */
public final class TtlPolicy {

    private TtlPolicy() {
    }

    /**
     * @param scopeCap the smallest {@code integration.max-ttl} of the granted scopes, if any carries one
     * @param requested the caller's {@code requested_lifetime}, if given
     * @param subjectRemaining seconds the subject token still lives, if there is one
     * @param decision the gate's decision (review, grace and expiry bounds)
     */
    public static long grant(RealmPolicy policy, Integration integration, OptionalInt scopeCap, OptionalLong requested,
            OptionalLong subjectRemaining, IssuanceDecision decision) {
        long ttl = policy.maxTokenTtl();
        ttl = Math.min(ttl, integration.maxTokenTtl().orElse(policy.defaultTokenTtl()));
        if (scopeCap.isPresent()) {
            ttl = Math.min(ttl, scopeCap.getAsInt());
        }
        if (requested.isPresent()) {
            ttl = Math.min(ttl, requested.getAsLong());
        }
        if (subjectRemaining.isPresent()) {
            ttl = Math.min(ttl, subjectRemaining.getAsLong());
        }
        return Math.max(0, Math.min(ttl, decision.maxLifetime()));
    }
}
