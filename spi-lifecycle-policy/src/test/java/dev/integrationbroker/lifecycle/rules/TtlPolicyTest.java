package dev.integrationbroker.lifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationAttributes;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;

/** SPEC §3.1: the granted lifetime is the minimum of every term that applies. */
class TtlPolicyTest {

    private static final RealmPolicy POLICY = RealmPolicy.DEFAULTS; // max 3600, default 300
    private static final Integration NO_TTL = new Integration("crm", Map.of());
    private static final Integration TTL_1200 = new Integration("crm", Map.of(IntegrationAttributes.MAX_TOKEN_TTL, "1200"));
    private static final IssuanceDecision UNBOUNDED = IssuanceDecision.allow(Long.MAX_VALUE, false);

    private static long grant(Integration integration, OptionalInt scopeCap, OptionalLong requested, OptionalLong subject,
            IssuanceDecision decision) {
        return TtlPolicy.grant(POLICY, integration, scopeCap, requested, subject, decision);
    }

    @Nested
    class IntegrationTerm {

        @Test
        @DisplayName("given no integration max-token-ttl then the realm default-token-ttl applies")
        void defaultWhenAbsent() {
            assertThat(grant(NO_TTL, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), UNBOUNDED)).isEqualTo(300);
        }

        @Test
        @DisplayName("given an integration max-token-ttl then it applies")
        void integrationMax() {
            assertThat(grant(TTL_1200, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), UNBOUNDED)).isEqualTo(1200);
        }

        @Test
        @DisplayName("given an integration max-token-ttl above the realm max-token-ttl then the realm max applies")
        void realmMaxCaps() {
            Integration greedy = new Integration("crm", Map.of(IntegrationAttributes.MAX_TOKEN_TTL, "86400"));

            assertThat(grant(greedy, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), UNBOUNDED)).isEqualTo(3600);
        }
    }

    @Nested
    class OtherTerms {

        @Test
        @DisplayName("given a scope cap below the integration max then the scope cap applies")
        void scopeCap() {
            assertThat(grant(TTL_1200, OptionalInt.of(100), OptionalLong.empty(), OptionalLong.empty(), UNBOUNDED)).isEqualTo(100);
        }

        @Test
        @DisplayName("given a shorter requested lifetime then it is granted")
        void shorterRequested() {
            assertThat(grant(TTL_1200, OptionalInt.empty(), OptionalLong.of(50), OptionalLong.empty(), UNBOUNDED)).isEqualTo(50);
        }

        @Test
        @DisplayName("given a longer requested lifetime then it is capped")
        void longerRequestedCapped() {
            assertThat(grant(TTL_1200, OptionalInt.empty(), OptionalLong.of(100_000), OptionalLong.empty(), UNBOUNDED)).isEqualTo(1200);
        }

        @Test
        @DisplayName("given a subject token with 42 seconds left then at most 42 seconds are granted")
        void subjectRemaining() {
            assertThat(grant(TTL_1200, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.of(42), UNBOUNDED)).isEqualTo(42);
        }

        @Test
        @DisplayName("given a decision bounded to 7 seconds then at most 7 seconds are granted")
        void decisionBound() {
            assertThat(grant(TTL_1200, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), IssuanceDecision.allow(7, true)))
                    .isEqualTo(7);
        }

        @Test
        @DisplayName("given every term then the smallest wins")
        void smallestOfAll() {
            assertThat(grant(TTL_1200, OptionalInt.of(900), OptionalLong.of(600), OptionalLong.of(500), IssuanceDecision.allow(400, false)))
                    .isEqualTo(400);
        }
    }

    @Nested
    class NeverNegative {

        @Test
        @DisplayName("given a subject token already past its expiry then zero is granted")
        void expiredSubject() {
            assertThat(grant(TTL_1200, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.of(-10), UNBOUNDED)).isZero();
        }

        @Test
        @DisplayName("given a stored negative integration max-token-ttl then zero is granted")
        void negativeIntegrationTtl() {
            Integration broken = new Integration("crm", Map.of(IntegrationAttributes.MAX_TOKEN_TTL, "-5"));

            assertThat(grant(broken, OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), UNBOUNDED)).isZero();
        }

        @Test
        @DisplayName("given a negative scope cap then zero is granted")
        void negativeScopeCap() {
            assertThat(grant(TTL_1200, OptionalInt.of(-1), OptionalLong.empty(), OptionalLong.empty(), UNBOUNDED)).isZero();
        }
    }
}
