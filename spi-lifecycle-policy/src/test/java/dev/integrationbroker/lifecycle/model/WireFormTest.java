package dev.integrationbroker.lifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored forms of {@link IntegrationStatus} and {@link SuspendedReason} (SPEC §1). */
class WireFormTest {

    @Nested
    class Status {

        @Test
        @DisplayName("given every status then its wire form is the SPEC §1 name")
        void wireNames() {
            assertThat(Arrays.stream(IntegrationStatus.values()).map(IntegrationStatus::wire))
                    .containsExactly("active", "review-due", "grace", "suspended", "retired");
        }

        @ParameterizedTest
        @EnumSource(IntegrationStatus.class)
        @DisplayName("given a wire form then it parses back to its status")
        void roundTrip(IntegrationStatus status) {
            assertThat(IntegrationStatus.fromWire(status.wire())).hasValue(status);
        }

        @ParameterizedTest
        @ValueSource(strings = {"REVIEW_DUE", "review_due", "Active", " active", "paused", ""})
        @DisplayName("given an unknown or differently spelt value then it parses to empty")
        void unknown(String value) {
            assertThat(IntegrationStatus.fromWire(value)).isEmpty();
        }

        @Test
        @DisplayName("given null then it parses to empty")
        void nullValue() {
            assertThat(IntegrationStatus.fromWire(null)).isEmpty();
        }

        @Test
        @DisplayName("given each status then only suspended and retired block issuance")
        void blocksIssuance() {
            assertThat(Arrays.stream(IntegrationStatus.values()).filter(IntegrationStatus::blocksIssuance))
                    .containsExactly(IntegrationStatus.SUSPENDED, IntegrationStatus.RETIRED);
        }
    }

    @Nested
    class Reason {

        @Test
        @DisplayName("given every reason then its wire form is the SPEC §1 name")
        void wireNames() {
            assertThat(Arrays.stream(SuspendedReason.values()).map(SuspendedReason::wire))
                    .containsExactly("review-lapsed", "expired", "owner-missing", "dormant", "kill-switch", "manual");
        }

        @ParameterizedTest
        @EnumSource(SuspendedReason.class)
        @DisplayName("given a wire form then it parses back to its reason")
        void roundTrip(SuspendedReason reason) {
            assertThat(SuspendedReason.fromWire(reason.wire())).hasValue(reason);
        }

        @ParameterizedTest
        @ValueSource(strings = {"KILL_SWITCH", "kill_switch", "lapsed", ""})
        @DisplayName("given an unknown value then it parses to empty")
        void unknown(String value) {
            assertThat(SuspendedReason.fromWire(value)).isEmpty();
        }

        @Test
        @DisplayName("given each reason then only review-lapsed and dormant are cleared by an attestation")
        void clearedByAttestation() {
            assertThat(Arrays.stream(SuspendedReason.values()).filter(SuspendedReason::clearedByAttestation))
                    .containsExactly(SuspendedReason.REVIEW_LAPSED, SuspendedReason.DORMANT);
        }
    }
}
