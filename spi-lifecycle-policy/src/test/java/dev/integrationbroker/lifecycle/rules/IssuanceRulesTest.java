package dev.integrationbroker.lifecycle.rules;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyJson;

/** SPEC §3.2: the issuance gate's decision from an integration's attributes at a fixed instant. */
class IssuanceRulesTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final Map<String, String> attributes = new HashMap<>(Map.of(
            BUSINESS_OWNER, "alice",
            TECHNICAL_OWNER, "bob",
            PURPOSE, "Syncs CRM contacts nightly",
            ALLOWED_AUDIENCES, "contacts-api",
            ALLOWED_SCOPES, "contacts:read"));

    private IssuanceDecision decide(RealmPolicy policy, OwnerState owners) {
        return IssuanceRules.decide(new Integration("crm", attributes), policy, owners, NOW);
    }

    private IssuanceDecision decide() {
        return decide(RealmPolicy.DEFAULTS, OwnerState.VALID);
    }

    private void set(String name, Instant instant) {
        attributes.put(name, Rfc3339.format(instant));
    }

    static RealmPolicy policy(String patch) {
        try {
            return RealmPolicyJson.merge(RealmPolicy.DEFAULTS, new ObjectMapper().readTree(patch));
        } catch (Exception e) {
            throw new IllegalArgumentException(patch, e);
        }
    }

    @Nested
    class Status {

        @Test
        @DisplayName("given a suspended integration with a reason then it is refused naming status and reason")
        void suspendedWithReason() {
            attributes.put(STATUS, "suspended");
            attributes.put(SUSPENDED_REASON, "kill-switch");

            assertThat(decide()).isEqualTo(new IssuanceDecision(false, "suspended", "integration is suspended (kill-switch)", 0, false));
        }

        @Test
        @DisplayName("given a retired integration then it is refused as retired")
        void retired() {
            attributes.put(STATUS, "retired");

            assertThat(decide()).isEqualTo(new IssuanceDecision(false, "retired", "integration is retired", 0, false));
        }

        @Test
        @DisplayName("given a suspended integration with incomplete metadata then the status is the reason given")
        void statusBeforeMetadata() {
            attributes.put(STATUS, "suspended");
            attributes.remove(PURPOSE);

            assertThat(decide().reason()).isEqualTo("suspended");
        }

        @ParameterizedTest
        @EnumSource(value = dev.integrationbroker.lifecycle.model.IntegrationStatus.class, names = {"ACTIVE", "REVIEW_DUE", "GRACE"})
        @DisplayName("given an active, review-due or grace status within its dates then it is allowed")
        void nonBlockingStatus(dev.integrationbroker.lifecycle.model.IntegrationStatus status) {
            attributes.put(STATUS, status.wire());

            assertThat(decide().allowed()).isTrue();
        }
    }

    @Nested
    class Metadata {

        @Test
        @DisplayName("given a required attribute missing then it is refused naming the attribute")
        void incomplete() {
            attributes.remove(ALLOWED_SCOPES);

            assertThat(decide()).isEqualTo(new IssuanceDecision(false, "metadata-incomplete",
                    "metadata incomplete: integration.allowed-scopes is missing", 0, false));
        }
    }

    @Nested
    class Expiry {

        @Test
        @DisplayName("given now exactly at expires-at then it is refused as expired on that day")
        void atExpiry() {
            set(EXPIRES_AT, NOW);

            assertThat(decide()).isEqualTo(new IssuanceDecision(false, "expired", "integration expired on 2026-06-01", 0, false));
        }

        @Test
        @DisplayName("given expires-at one second ahead then it is allowed for at most one second")
        void oneSecondBefore() {
            set(EXPIRES_AT, NOW.plusSeconds(1));

            assertThat(decide()).isEqualTo(new IssuanceDecision(true, null, null, 1, false));
        }

        @Test
        @DisplayName("given expires-at passed long ago then it is refused as expired")
        void longExpired() {
            set(EXPIRES_AT, NOW.minus(Duration.ofDays(40)));

            assertThat(decide().description()).isEqualTo("integration expired on 2026-04-22");
        }
    }

    @Nested
    class Review {

        @Test
        @DisplayName("given next-review in 30 seconds then it is allowed for at most 30 seconds")
        void reviewSoon() {
            set(NEXT_REVIEW, NOW.plusSeconds(30));

            assertThat(decide()).isEqualTo(new IssuanceDecision(true, null, null, 30, false));
        }

        @Test
        @DisplayName("given next-review passed and grace-days 0 then it is refused as review lapsed on that day")
        void lapsedNoGrace() {
            set(NEXT_REVIEW, Instant.parse("2026-05-31T08:00:00Z"));

            assertThat(decide()).isEqualTo(new IssuanceDecision(false, "review-lapsed", "review lapsed on 2026-05-31", 0, false));
        }

        @Test
        @DisplayName("given now exactly at next-review and grace-days 0 then it is refused")
        void atReviewNoGrace() {
            set(NEXT_REVIEW, NOW);

            assertThat(decide().reason()).isEqualTo("review-lapsed");
        }

        @Test
        @DisplayName("given next-review passed within grace then it is allowed in grace for at most grace-token-ttl")
        void withinGrace() {
            set(NEXT_REVIEW, NOW.minus(Duration.ofDays(1)));

            assertThat(decide(policy("{\"grace-days\": 3}"), OwnerState.VALID)).isEqualTo(new IssuanceDecision(true, null, null, 60, true));
        }

        @Test
        @DisplayName("given 20 seconds left of grace then it is allowed for at most 20 seconds")
        void graceEndingSoon() {
            set(NEXT_REVIEW, NOW.minus(Duration.ofDays(3)).plusSeconds(20));

            IssuanceDecision decision = decide(policy("{\"grace-days\": 3}"), OwnerState.VALID);

            assertThat(decision.inGrace()).isTrue();
            assertThat(decision.maxLifetime()).isEqualTo(20);
        }

        @Test
        @DisplayName("given grace with expires-at 10 seconds ahead then it is allowed for at most 10 seconds")
        void graceAndExpiry() {
            set(NEXT_REVIEW, NOW.minus(Duration.ofDays(1)));
            set(EXPIRES_AT, NOW.plusSeconds(10));

            assertThat(decide(policy("{\"grace-days\": 3}"), OwnerState.VALID).maxLifetime()).isEqualTo(10);
        }

        @Test
        @DisplayName("given grace over then it is refused as review lapsed on the review day")
        void graceOver() {
            set(NEXT_REVIEW, Instant.parse("2026-05-20T00:00:00Z"));

            assertThat(decide(policy("{\"grace-days\": 3}"), OwnerState.VALID).description()).isEqualTo("review lapsed on 2026-05-20");
        }

        @Test
        @DisplayName("given no next-review and an expires-at in one hour then it is allowed up to expires-at")
        void noReviewWithExpiry() {
            set(EXPIRES_AT, NOW.plus(Duration.ofHours(1)));

            assertThat(decide()).isEqualTo(new IssuanceDecision(true, null, null, 3600, false));
        }

        @Test
        @DisplayName("given no next-review but a registration whose realm-default review lapsed then it is refused as review lapsed")
        void unstampedLapsed() {
            set(REGISTERED_AT, NOW.minus(Duration.ofDays(91)));

            IssuanceDecision decision = decide();

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.description()).startsWith("review lapsed on ");
        }

        @Test
        @DisplayName("given neither next-review nor expires-at then the decision sets no lifetime bound")
        void noDates() {
            assertThat(decide()).isEqualTo(new IssuanceDecision(true, null, null, Long.MAX_VALUE, false));
        }

        @Test
        @DisplayName("given a next-review that does not parse then it reads as absent and sets no bound")
        void unparsableReview() {
            attributes.put(NEXT_REVIEW, "someday");

            assertThat(decide().maxLifetime()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Nested
    class Owners {

        @ParameterizedTest
        @EnumSource(value = OwnerState.class, names = {"DISABLED", "MISSING"})
        @DisplayName("given an invalid owner and orphan-grace-days 0 then it is refused at once")
        void noOrphanGrace(OwnerState owners) {
            IssuanceDecision decision = decide(policy("{\"orphan-grace-days\": 0}"), owners);

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.reason()).isEqualTo("owner-missing");
        }

        @Test
        @DisplayName("given a disabled owner past orphan grace then the description says an owner is disabled")
        void disabledDescription() {
            assertThat(decide(policy("{\"orphan-grace-days\": 0}"), OwnerState.DISABLED).description())
                    .isEqualTo("owner missing: an owner is disabled");
        }

        @Test
        @DisplayName("given a missing owner past orphan grace then the description says an owner is not a user")
        void missingDescription() {
            assertThat(decide(policy("{\"orphan-grace-days\": 0}"), OwnerState.MISSING).description())
                    .isEqualTo("owner missing: an owner is not a user of this realm");
        }

        @Test
        @DisplayName("given orphan-grace-days 7 and an owner invalid for 8 days then it is refused")
        void orphanGraceOver() {
            set(OWNER_INVALID_SINCE, NOW.minus(Duration.ofDays(8)));

            assertThat(decide(policy("{\"orphan-grace-days\": 7}"), OwnerState.DISABLED).reason()).isEqualTo("owner-missing");
        }

        @Test
        @DisplayName("given orphan-grace-days 7 and an owner invalid for exactly 7 days then it is refused")
        void orphanGraceJustOver() {
            set(OWNER_INVALID_SINCE, NOW.minus(Duration.ofDays(7)));

            assertThat(decide(policy("{\"orphan-grace-days\": 7}"), OwnerState.MISSING).allowed()).isFalse();
        }

        @Test
        @DisplayName("given orphan-grace-days 7 and an owner invalid for 6 days then it is allowed")
        void withinOrphanGrace() {
            set(OWNER_INVALID_SINCE, NOW.minus(Duration.ofDays(6)));

            assertThat(decide(policy("{\"orphan-grace-days\": 7}"), OwnerState.DISABLED).allowed()).isTrue();
        }

        @Test
        @DisplayName("given orphan-grace-days 7 and no record of when the owner became invalid then it is allowed")
        void sinceUnknown() {
            assertThat(decide(policy("{\"orphan-grace-days\": 7}"), OwnerState.MISSING).allowed()).isTrue();
        }

        @Test
        @DisplayName("given valid owners and a stale owner-invalid-since then it is allowed")
        void validOwnersIgnoreSince() {
            set(OWNER_INVALID_SINCE, NOW.minus(Duration.ofDays(100)));

            assertThat(decide(policy("{\"orphan-grace-days\": 7}"), OwnerState.VALID).allowed()).isTrue();
        }
    }

    @Test
    @DisplayName("given any refusal then its description is printable ASCII of at most 200 characters")
    void descriptionsPrintable() {
        attributes.put(STATUS, "suspended");
        attributes.put(SUSPENDED_REASON, "owner-missing");

        assertThat(decide().description()).matches("[\\x20-\\x7e]{1,200}").doesNotContain("\"", "\\");
    }
}
