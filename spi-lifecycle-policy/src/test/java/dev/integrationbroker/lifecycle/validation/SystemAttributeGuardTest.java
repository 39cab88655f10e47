package dev.integrationbroker.lifecycle.validation;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SPEC §1: system attributes are refused on client-representation writes; un-registering needs retirement. */
class SystemAttributeGuardTest {

    static final String SYSTEM_RULE = "is maintained by the system and cannot be set or changed by a client representation";

    private final Map<String, String> before = new HashMap<>(Map.of(
            BUSINESS_OWNER, "alice",
            TECHNICAL_OWNER, "bob",
            STATUS, "active",
            NEXT_REVIEW, "2026-09-01T00:00:00Z"));

    private Optional<String> check(Map<String, String> beforeWrite, Map<String, String> proposed) {
        return SystemAttributeGuard.check(AttributeWrite.of(beforeWrite, proposed)).map(Violation::message);
    }

    @Nested
    class SystemAttributes {

        @Test
        @DisplayName("given a new client that sets a system attribute then it is refused naming it")
        void setOnCreate() {
            assertThat(check(null, Map.of(BUSINESS_OWNER, "alice", STATUS, "active")))
                    .contains("integration.status: " + SYSTEM_RULE);
        }

        @Test
        @DisplayName("given an update repeating a system attribute unchanged then it is accepted")
        void unchangedAccepted() {
            assertThat(check(before, Map.of(STATUS, "active", NEXT_REVIEW, "2026-09-01T00:00:00Z", PURPOSE, "Syncs CRM contacts"))).isEmpty();
        }

        @Test
        @DisplayName("given an update changing a system attribute then it is refused naming it")
        void changedRefused() {
            assertThat(check(before, Map.of(STATUS, "retired"))).contains("integration.status: " + SYSTEM_RULE);
        }

        @Test
        @DisplayName("given an update removing a system attribute with a blank value then it is refused")
        void blankedRefused() {
            assertThat(check(before, Map.of(NEXT_REVIEW, ""))).contains("integration.next-review: " + SYSTEM_RULE);
        }

        @Test
        @DisplayName("given several system attributes changed then the first in sorted order is named")
        void firstSorted() {
            assertThat(check(before, Map.of(STATUS, "grace", NEXT_REVIEW, "2027-01-01T00:00:00Z", LAST_USED_AT, "2026-01-01T00:00:00Z")))
                    .contains("integration.last-used-at: " + SYSTEM_RULE);
        }

        @Test
        @DisplayName("given only administrator attributes changed then it is accepted")
        void adminOnly() {
            assertThat(check(before, Map.of(TECHNICAL_OWNER, "carol", VENDOR, "acme"))).isEmpty();
        }
    }

    @Nested
    class Unregistering {

        @Test
        @DisplayName("given the business owner removed while not retired then it is refused")
        void removalRefused() {
            assertThat(check(before, Map.of(BUSINESS_OWNER, "")))
                    .contains("integration.business-owner: cannot be removed while the integration is not retired");
        }

        @Test
        @DisplayName("given the business owner removed from a retired integration then it is accepted")
        void removalWhenRetired() {
            before.put(STATUS, "retired");

            assertThat(check(before, Map.of(BUSINESS_OWNER, ""))).isEmpty();
        }

        @Test
        @DisplayName("given the business owner removed from an integration never stamped then it is refused")
        void removalWithoutStatus() {
            before.remove(STATUS);

            assertThat(check(before, Map.of(BUSINESS_OWNER, " ")))
                    .contains("integration.business-owner: cannot be removed while the integration is not retired");
        }

        @Test
        @DisplayName("given the business owner replaced by another user then it is accepted")
        void replaced() {
            assertThat(check(before, Map.of(BUSINESS_OWNER, "carol"))).isEmpty();
        }
    }
}
