package dev.integrationbroker.lifecycle.rules;

import java.util.Objects;

/**
 * The gate's answer for one token request at one instant.
 *
 * @param allowed whether a token may be issued
 * @param reason a stable machine reason for events and audit ({@code review-lapsed}, {@code expired}, ...), null when allowed
 * @param description printable ASCII for {@code error_description}, null when allowed
 * @param maxLifetime the most seconds a token issued now may live (review, grace, expiry), or {@link Long#MAX_VALUE}
 * @param inGrace whether the integration is inside its grace period
 */
public record IssuanceDecision(boolean allowed, String reason, String description, long maxLifetime, boolean inGrace) {

    static IssuanceDecision allow(long maxLifetime, boolean inGrace) {
        return new IssuanceDecision(true, null, null, maxLifetime, inGrace);
    }

    static IssuanceDecision refuse(String reason, String description) {
        return new IssuanceDecision(false, Objects.requireNonNull(reason), Objects.requireNonNull(description), 0, false);
    }
}
