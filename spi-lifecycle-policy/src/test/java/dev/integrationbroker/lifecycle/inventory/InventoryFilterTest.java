package dev.integrationbroker.lifecycle.inventory;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.IntegrationStatus;

/** SPEC §2.2: the inventory's query filters. */
class InventoryFilterTest {

    private final Map<String, String> attributes = new HashMap<>(Map.of(
            BUSINESS_OWNER, "alice",
            TECHNICAL_OWNER, "bob",
            PURPOSE, "Syncs CRM Contacts nightly",
            VENDOR, "acme",
            STATUS, "review-due",
            NEXT_REVIEW, "2026-06-10T00:00:00Z",
            LAST_USED_AT, "2026-05-01T00:00:00Z"));

    private boolean matches(InventoryFilter filter) {
        return filter.matches(new Integration("crm-sync", attributes));
    }

    private static InventoryFilter status(String status) {
        return InventoryFilter.parse(status, null, null, null, null, null);
    }

    private static InventoryFilter owner(String owner) {
        return InventoryFilter.parse(null, owner, null, null, null, null);
    }

    private static InventoryFilter vendor(String vendor) {
        return InventoryFilter.parse(null, null, vendor, null, null, null);
    }

    private static InventoryFilter query(String q) {
        return InventoryFilter.parse(null, null, null, q, null, null);
    }

    private static InventoryFilter reviewBefore(String instant) {
        return InventoryFilter.parse(null, null, null, null, instant, null);
    }

    private static InventoryFilter unusedSince(String instant) {
        return InventoryFilter.parse(null, null, null, null, null, instant);
    }

    @Nested
    class Parse {

        @Test
        @DisplayName("given no filters then every field is null and everything matches")
        void empty() {
            InventoryFilter filter = InventoryFilter.parse(null, " ", "", null, "  ", null);

            assertThat(filter).isEqualTo(new InventoryFilter(null, null, null, null, null, null));
            assertThat(matches(filter)).isTrue();
        }

        @Test
        @DisplayName("given values with spaces and a mixed-case query then they are trimmed and the query lower-cased")
        void normalised() {
            InventoryFilter filter = InventoryFilter.parse(" grace ", " alice ", " acme ", " CRM ", "2026-06-01T14:00:00+02:00", null);

            assertThat(filter).isEqualTo(new InventoryFilter(IntegrationStatus.GRACE, "alice", "acme", "crm",
                    Instant.parse("2026-06-01T12:00:00Z"), null));
        }

        @Test
        @DisplayName("given an unknown status then the error names the status parameter and the allowed values")
        void badStatus() {
            assertThatThrownBy(() -> status("paused"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("status: must be one of active, review-due, grace, suspended, retired");
        }

        @Test
        @DisplayName("given a status in upper case then it is refused")
        void upperCaseStatus() {
            assertThatThrownBy(() -> status("ACTIVE"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("status:");
        }

        @Test
        @DisplayName("given a review-before that is not RFC 3339 then the error names review-before")
        void badReviewBefore() {
            assertThatThrownBy(() -> reviewBefore("2026-06-01"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("review-before: must be an RFC 3339 instant such as 2027-01-31T00:00:00Z");
        }

        @Test
        @DisplayName("given an unused-since that is not RFC 3339 then the error names unused-since")
        void badUnusedSince() {
            assertThatThrownBy(() -> unusedSince("yesterday"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unused-since: must be an RFC 3339 instant such as 2027-01-31T00:00:00Z");
        }
    }

    @Nested
    class Status {

        @Test
        @DisplayName("given the stored status then it matches")
        void same() {
            assertThat(matches(status("review-due"))).isTrue();
        }

        @Test
        @DisplayName("given another status then it does not match")
        void other() {
            assertThat(matches(status("active"))).isFalse();
        }

        @Test
        @DisplayName("given an integration without status then it matches active")
        void unstamped() {
            attributes.remove(STATUS);

            assertThat(matches(status("active"))).isTrue();
        }
    }

    @Nested
    class Owner {

        @Test
        @DisplayName("given the business owner then it matches")
        void business() {
            assertThat(matches(owner("alice"))).isTrue();
        }

        @Test
        @DisplayName("given the technical owner then it matches")
        void technical() {
            assertThat(matches(owner("bob"))).isTrue();
        }

        @Test
        @DisplayName("given another user then it does not match")
        void other() {
            assertThat(matches(owner("carol"))).isFalse();
        }

        @Test
        @DisplayName("given the owner in another case then it does not match")
        void caseSensitive() {
            assertThat(matches(owner("Alice"))).isFalse();
        }
    }

    @Nested
    class Vendor {

        @Test
        @DisplayName("given the vendor tag then it matches")
        void same() {
            assertThat(matches(vendor("acme"))).isTrue();
        }

        @Test
        @DisplayName("given a prefix of the vendor tag then it does not match")
        void prefix() {
            assertThat(matches(vendor("ac"))).isFalse();
        }

        @Test
        @DisplayName("given an integration without vendor then a vendor filter does not match")
        void noVendor() {
            attributes.remove(VENDOR);

            assertThat(matches(vendor("acme"))).isFalse();
        }
    }

    @Nested
    class Query {

        @Test
        @DisplayName("given part of the client id in another case then it matches")
        void clientId() {
            assertThat(matches(query("SYNC"))).isTrue();
        }

        @Test
        @DisplayName("given part of the purpose in another case then it matches")
        void purpose() {
            assertThat(matches(query("contacts night"))).isTrue();
        }

        @Test
        @DisplayName("given text in neither client id nor purpose then it does not match")
        void neither() {
            assertThat(matches(query("billing"))).isFalse();
        }

        @Test
        @DisplayName("given no purpose and text not in the client id then it does not match")
        void noPurpose() {
            attributes.remove(PURPOSE);

            assertThat(matches(query("contacts"))).isFalse();
        }
    }

    @Nested
    class ReviewBefore {

        @Test
        @DisplayName("given next-review before the instant then it matches")
        void before() {
            assertThat(matches(reviewBefore("2026-06-10T00:00:01Z"))).isTrue();
        }

        @Test
        @DisplayName("given next-review exactly at the instant then it does not match")
        void equal() {
            assertThat(matches(reviewBefore("2026-06-10T00:00:00Z"))).isFalse();
        }

        @Test
        @DisplayName("given no next-review then it does not match")
        void noReview() {
            attributes.remove(NEXT_REVIEW);

            assertThat(matches(reviewBefore("2030-01-01T00:00:00Z"))).isFalse();
        }
    }

    @Nested
    class UnusedSince {

        @Test
        @DisplayName("given last use before the instant then it matches")
        void usedBefore() {
            assertThat(matches(unusedSince("2026-05-01T00:00:01Z"))).isTrue();
        }

        @Test
        @DisplayName("given last use exactly at the instant then it does not match")
        void usedAt() {
            assertThat(matches(unusedSince("2026-05-01T00:00:00Z"))).isFalse();
        }

        @Test
        @DisplayName("given never used then it matches")
        void neverUsed() {
            attributes.remove(LAST_USED_AT);

            assertThat(matches(unusedSince("2020-01-01T00:00:00Z"))).isTrue();
        }
    }

    @Test
    @DisplayName("given several filters then all must match")
    void combined() {
        assertThat(matches(InventoryFilter.parse("review-due", "bob", "acme", "crm", "2026-07-01T00:00:00Z", "2026-05-02T00:00:00Z"))).isTrue();
        assertThat(matches(InventoryFilter.parse("review-due", "bob", "other", "crm", "2026-07-01T00:00:00Z", "2026-05-02T00:00:00Z"))).isFalse();
    }
}
