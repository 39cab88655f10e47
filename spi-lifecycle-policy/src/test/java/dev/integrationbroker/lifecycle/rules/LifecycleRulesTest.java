package dev.integrationbroker.lifecycle.rules;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationStatus;
import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.model.SuspendedReason;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyJson;

/** SPEC §4: the next lifecycle step of an integration at a fixed instant. */
class LifecycleRulesTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final Map<String, String> attributes = new HashMap<>(Map.of(
            BUSINESS_OWNER, "alice",
            TECHNICAL_OWNER, "bob",
            PURPOSE, "Syncs CRM contacts nightly",
            ALLOWED_AUDIENCES, "contacts-api",
            ALLOWED_SCOPES, "contacts:read"));

    private Optional<Transition> next(RealmPolicy policy, OwnerState owners) {
        return LifecycleRules.next(new Integration("crm", attributes), policy, owners, NOW);
    }

    private Optional<Transition> next(RealmPolicy policy) {
        return next(policy, OwnerState.VALID);
    }

    private Optional<Transition> next() {
        return next(RealmPolicy.DEFAULTS);
    }

    private void set(String name, Instant instant) {
        attributes.put(name, Rfc3339.format(instant));
    }

    private void status(IntegrationStatus status) {
        attributes.put(STATUS, status.wire());
    }

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static Instant daysAhead(long days) {
        return NOW.plus(Duration.ofDays(days));
    }

    private static Transition suspend(SuspendedReason reason) {
        return new Transition(IntegrationStatus.ACTIVE, IntegrationStatus.SUSPENDED, reason);
    }

    static RealmPolicy policy(String patch) {
        try {
            return RealmPolicyJson.merge(RealmPolicy.DEFAULTS, new ObjectMapper().readTree(patch));
        } catch (Exception e) {
            throw new IllegalArgumentException(patch, e);
        }
    }

    @Nested
    class Retired {

        @Test
        @DisplayName("given a retired integration and delete-retired true then the next step is deletion")
        void deleted() {
            status(IntegrationStatus.RETIRED);

            Optional<Transition> next = next(policy("{\"delete-retired\": true}"));

            assertThat(next).contains(new Transition(IntegrationStatus.RETIRED, null, null));
            assertThat(next.get().toWire()).isEqualTo("deleted");
        }

        @Test
        @DisplayName("given a retired integration and delete-retired false then there is no next step")
        void kept() {
            status(IntegrationStatus.RETIRED);

            assertThat(next(policy("{\"delete-retired\": false}"))).isEmpty();
        }

        @Test
        @DisplayName("given a retired integration that is also expired and orphaned then it is not suspended again")
        void retiredIgnoresSuspensionReasons() {
            status(IntegrationStatus.RETIRED);
            set(EXPIRES_AT, daysAgo(400));

            assertThat(next(RealmPolicy.DEFAULTS, OwnerState.MISSING)).isEmpty();
        }
    }

    @Nested
    class Suspended {

        @Test
        @DisplayName("given suspended one day less than retire-after-days then there is no next step")
        void beforeRetirement() {
            status(IntegrationStatus.SUSPENDED);
            set(SUSPENDED_AT, daysAgo(89));

            assertThat(next(policy("{\"retire-after-days\": 90}"))).isEmpty();
        }

        @Test
        @DisplayName("given suspended exactly retire-after-days ago then it is retired without a reason")
        void atRetirement() {
            status(IntegrationStatus.SUSPENDED);
            set(SUSPENDED_AT, daysAgo(90));

            assertThat(next(policy("{\"retire-after-days\": 90}")))
                    .contains(new Transition(IntegrationStatus.SUSPENDED, IntegrationStatus.RETIRED, null));
        }

        @Test
        @DisplayName("given suspended long after retire-after-days then it is retired")
        void afterRetirement() {
            status(IntegrationStatus.SUSPENDED);
            set(SUSPENDED_AT, daysAgo(31));

            assertThat(next(policy("{\"retire-after-days\": 30}")))
                    .contains(new Transition(IntegrationStatus.SUSPENDED, IntegrationStatus.RETIRED, null));
        }

        @Test
        @DisplayName("given suspended without suspended-at then the retirement clock starts now and nothing happens")
        void withoutSuspendedAt() {
            status(IntegrationStatus.SUSPENDED);

            assertThat(next(policy("{\"retire-after-days\": 1}"))).isEmpty();
        }

        @Test
        @DisplayName("given suspended and also expired then it is not suspended again")
        void noSecondSuspension() {
            status(IntegrationStatus.SUSPENDED);
            set(SUSPENDED_AT, daysAgo(1));
            set(EXPIRES_AT, daysAgo(1));

            assertThat(next()).isEmpty();
        }
    }

    @Nested
    class Expired {

        @Test
        @DisplayName("given now exactly at expires-at then it is suspended as expired")
        void atExpiry() {
            set(EXPIRES_AT, NOW);

            assertThat(next()).contains(suspend(SuspendedReason.EXPIRED));
        }

        @Test
        @DisplayName("given expires-at one second ahead then there is no next step")
        void beforeExpiry() {
            set(EXPIRES_AT, NOW.plusSeconds(1));

            assertThat(next()).isEmpty();
        }

        @Test
        @DisplayName("given a grace integration that expired then the transition starts from grace")
        void fromGrace() {
            status(IntegrationStatus.GRACE);
            set(EXPIRES_AT, daysAgo(1));

            assertThat(next()).contains(new Transition(IntegrationStatus.GRACE, IntegrationStatus.SUSPENDED, SuspendedReason.EXPIRED));
        }

        @Test
        @DisplayName("given expired and an owner invalid past the grace then expiry is the reason given")
        void expiryBeforeOwner() {
            set(EXPIRES_AT, daysAgo(1));
            set(OWNER_INVALID_SINCE, daysAgo(30));

            assertThat(next(RealmPolicy.DEFAULTS, OwnerState.MISSING)).contains(suspend(SuspendedReason.EXPIRED));
        }
    }

    @Nested
    class OwnerInvalid {

        @Test
        @DisplayName("given an owner missing for less than orphan-grace-days then there is no next step")
        void withinGrace() {
            set(OWNER_INVALID_SINCE, daysAgo(6));

            assertThat(next(policy("{\"orphan-grace-days\": 7}"), OwnerState.MISSING)).isEmpty();
        }

        @Test
        @DisplayName("given an owner missing for exactly orphan-grace-days then it is suspended as owner-missing")
        void atGrace() {
            set(OWNER_INVALID_SINCE, daysAgo(7));

            assertThat(next(policy("{\"orphan-grace-days\": 7}"), OwnerState.MISSING)).contains(suspend(SuspendedReason.OWNER_MISSING));
        }

        @Test
        @DisplayName("given an owner disabled past orphan-grace-days then it is suspended as owner-missing")
        void disabledAfterGrace() {
            set(OWNER_INVALID_SINCE, daysAgo(8));

            assertThat(next(policy("{\"orphan-grace-days\": 7}"), OwnerState.DISABLED)).contains(suspend(SuspendedReason.OWNER_MISSING));
        }

        @Test
        @DisplayName("given an owner invalid without owner-invalid-since then the grace starts now and nothing happens")
        void withoutSince() {
            assertThat(next(policy("{\"orphan-grace-days\": 7}"), OwnerState.MISSING)).isEmpty();
        }

        @Test
        @DisplayName("given orphan-grace-days 0 then an invalid owner suspends at once")
        void zeroGrace() {
            assertThat(next(policy("{\"orphan-grace-days\": 0}"), OwnerState.DISABLED)).contains(suspend(SuspendedReason.OWNER_MISSING));
        }

        @Test
        @DisplayName("given valid owners and a stale owner-invalid-since then there is no next step")
        void validOwnersIgnoreSince() {
            set(OWNER_INVALID_SINCE, daysAgo(300));

            assertThat(next(policy("{\"orphan-grace-days\": 7}"), OwnerState.VALID)).isEmpty();
        }

        @Test
        @DisplayName("given an owner invalid past the grace and a lapsed review then owner-missing is the reason given")
        void ownerBeforeReview() {
            set(OWNER_INVALID_SINCE, daysAgo(30));
            set(NEXT_REVIEW, daysAgo(30));

            assertThat(next(RealmPolicy.DEFAULTS, OwnerState.MISSING)).contains(suspend(SuspendedReason.OWNER_MISSING));
        }
    }

    @Nested
    class ReviewLapsed {

        @Test
        @DisplayName("given next-review plus grace-days reached then it is suspended as review-lapsed")
        void atGraceEnd() {
            status(IntegrationStatus.GRACE);
            set(NEXT_REVIEW, daysAgo(5));

            assertThat(next(policy("{\"grace-days\": 5}")))
                    .contains(new Transition(IntegrationStatus.GRACE, IntegrationStatus.SUSPENDED, SuspendedReason.REVIEW_LAPSED));
        }

        @Test
        @DisplayName("given grace-days 0 and next-review reached then it is suspended at once")
        void zeroGrace() {
            set(NEXT_REVIEW, NOW);

            assertThat(next(policy("{\"grace-days\": 0}"))).contains(suspend(SuspendedReason.REVIEW_LAPSED));
        }

        @Test
        @DisplayName("given a lapsed review and dormancy then review-lapsed is the reason given")
        void reviewBeforeDormant() {
            set(NEXT_REVIEW, daysAgo(1));
            set(LAST_USED_AT, daysAgo(400));

            assertThat(next()).contains(suspend(SuspendedReason.REVIEW_LAPSED));
        }
    }

    @Nested
    class Dormant {

        @Test
        @DisplayName("given last-used-at dormant-after-days ago then it is suspended as dormant")
        void fromLastUse() {
            set(LAST_USED_AT, daysAgo(90));

            assertThat(next(policy("{\"dormant-after-days\": 90}"))).contains(suspend(SuspendedReason.DORMANT));
        }

        @Test
        @DisplayName("given last-used-at one day short of dormant-after-days then there is no next step")
        void recentUse() {
            set(LAST_USED_AT, daysAgo(89));

            assertThat(next(policy("{\"dormant-after-days\": 90}"))).isEmpty();
        }

        @Test
        @DisplayName("given never used and registered dormant-after-days ago then it is suspended as dormant")
        void fromRegistration() {
            set(NEXT_REVIEW, daysAhead(60)); // attested recently
            set(REGISTERED_AT, daysAgo(90));

            assertThat(next(policy("{\"dormant-after-days\": 90}"))).contains(suspend(SuspendedReason.DORMANT));
        }

        @Test
        @DisplayName("given an old registration but a recent use then last-used-at wins and there is no next step")
        void useBeatsRegistration() {
            set(NEXT_REVIEW, daysAhead(60)); // attested recently
            set(REGISTERED_AT, daysAgo(400));
            set(LAST_USED_AT, daysAgo(1));

            assertThat(next(policy("{\"dormant-after-days\": 90}"))).isEmpty();
        }

        @Test
        @DisplayName("given neither last-used-at nor registered-at then it is never dormant")
        void noActivityDates() {
            assertThat(next(policy("{\"dormant-after-days\": 1}"))).isEmpty();
        }

        @Test
        @DisplayName("given dormant-after-days 0 then a long-unused integration is not suspended")
        void disabled() {
            set(NEXT_REVIEW, daysAhead(60)); // attested recently
            set(LAST_USED_AT, daysAgo(3000));
            set(REGISTERED_AT, daysAgo(3000));

            assertThat(next(policy("{\"dormant-after-days\": 0}"))).isEmpty();
        }
    }

    @Nested
    class ReviewStatus {

        @Test
        @DisplayName("given next-review passed within grace-days then an active integration enters grace")
        void grace() {
            set(NEXT_REVIEW, daysAgo(4));

            assertThat(next(policy("{\"grace-days\": 5}")))
                    .contains(new Transition(IntegrationStatus.ACTIVE, IntegrationStatus.GRACE, null));
        }

        @Test
        @DisplayName("given now exactly at next-review with grace-days then a review-due integration enters grace")
        void graceAtReview() {
            status(IntegrationStatus.REVIEW_DUE);
            set(NEXT_REVIEW, NOW);

            assertThat(next(policy("{\"grace-days\": 5}")))
                    .contains(new Transition(IntegrationStatus.REVIEW_DUE, IntegrationStatus.GRACE, null));
        }

        @Test
        @DisplayName("given already in grace within grace-days then there is no next step")
        void alreadyGrace() {
            status(IntegrationStatus.GRACE);
            set(NEXT_REVIEW, daysAgo(4));

            assertThat(next(policy("{\"grace-days\": 5}"))).isEmpty();
        }

        @Test
        @DisplayName("given next-review exactly the largest reminder window ahead then it becomes review-due")
        void reviewDueAtLargestWindow() {
            set(NEXT_REVIEW, daysAhead(14));

            assertThat(next(policy("{\"reminder-days\": [1, 14, 7]}")))
                    .contains(new Transition(IntegrationStatus.ACTIVE, IntegrationStatus.REVIEW_DUE, null));
        }

        @Test
        @DisplayName("given next-review one second beyond the largest reminder window then there is no next step")
        void outsideWindow() {
            set(NEXT_REVIEW, daysAhead(14).plusSeconds(1));

            assertThat(next(policy("{\"reminder-days\": [14, 7, 1]}"))).isEmpty();
        }

        @Test
        @DisplayName("given already review-due inside the window then there is no next step")
        void alreadyReviewDue() {
            status(IntegrationStatus.REVIEW_DUE);
            set(NEXT_REVIEW, daysAhead(3));

            assertThat(next()).isEmpty();
        }

        @Test
        @DisplayName("given no reminder days then next-review one day ahead leaves the integration active")
        void noReminders() {
            set(NEXT_REVIEW, daysAhead(1));

            assertThat(next(policy("{\"reminder-days\": []}"))).isEmpty();
        }

        @Test
        @DisplayName("given review-due and next-review moved beyond the window then it returns to active")
        void backToActive() {
            status(IntegrationStatus.REVIEW_DUE);
            set(NEXT_REVIEW, daysAhead(60));

            assertThat(next()).contains(new Transition(IntegrationStatus.REVIEW_DUE, IntegrationStatus.ACTIVE, null));
        }

        @Test
        @DisplayName("given grace and no next-review then it returns to active")
        void graceWithoutReview() {
            status(IntegrationStatus.GRACE);

            assertThat(next()).contains(new Transition(IntegrationStatus.GRACE, IntegrationStatus.ACTIVE, null));
        }

        @Test
        @DisplayName("given no status attribute and nothing due then there is no next step")
        void unstampedActive() {
            set(NEXT_REVIEW, daysAhead(60));
            set(LAST_USED_AT, daysAgo(1));

            assertThat(next()).isEmpty();
        }

        @Test
        @DisplayName("given an integration never stamped (written while the policy was off) whose registration plus interval lapsed then it is suspended")
        void unstampedLapsed() {
            set(REGISTERED_AT, daysAgo(31));
            attributes.put(REVIEW_INTERVAL_DAYS, "30");
            set(LAST_USED_AT, daysAgo(1));

            assertThat(next()).contains(new Transition(IntegrationStatus.ACTIVE, IntegrationStatus.SUSPENDED, SuspendedReason.REVIEW_LAPSED));
        }

        @Test
        @DisplayName("given a transition applied then asking again at the same instant yields no step")
        void idempotent() {
            set(NEXT_REVIEW, daysAhead(3));
            Transition first = next().orElseThrow();

            status(first.to());

            assertThat(next()).isEmpty();
        }
    }

    @Nested
    class MayNeedWrite {

        private boolean mayNeedWrite(OwnerState owners) {
            return LifecycleRules.mayNeedWrite(new Integration("crm", attributes), RealmPolicy.DEFAULTS, owners, NOW);
        }

        private void quiet() {
            status(IntegrationStatus.ACTIVE);
            set(NEXT_REVIEW, daysAhead(60));
            set(LAST_USED_AT, daysAgo(1));
        }

        @Test
        @DisplayName("given a stamped, valid, recently used integration far from its review then a step writes nothing")
        void quietIntegration() {
            quiet();

            assertThat(mayNeedWrite(OwnerState.VALID)).isFalse();
        }

        @Test
        @DisplayName("given an unstamped integration then a step may write (the stamp)")
        void unstamped() {
            quiet();
            attributes.remove(STATUS);

            assertThat(mayNeedWrite(OwnerState.VALID)).isTrue();
        }

        @Test
        @DisplayName("given a missing owner, or a stale owner clock, then a step may write")
        void ownerClock() {
            quiet();
            assertThat(mayNeedWrite(OwnerState.MISSING)).isTrue();

            set(OWNER_INVALID_SINCE, daysAgo(1));
            assertThat(mayNeedWrite(OwnerState.VALID)).isTrue();
        }

        @Test
        @DisplayName("given a due transition or a reached reminder window then a step may write")
        void transitionOrReminder() {
            quiet();
            set(NEXT_REVIEW, daysAgo(1));
            assertThat(mayNeedWrite(OwnerState.VALID)).as("lapsed").isTrue();

            set(NEXT_REVIEW, daysAhead(10));
            status(IntegrationStatus.REVIEW_DUE);
            assertThat(LifecycleRules.reminderWindow(new Integration("crm", attributes), RealmPolicy.DEFAULTS, NOW)).contains(14);
            assertThat(mayNeedWrite(OwnerState.VALID)).as("inside the 14-day reminder window").isTrue();
        }
    }
}
