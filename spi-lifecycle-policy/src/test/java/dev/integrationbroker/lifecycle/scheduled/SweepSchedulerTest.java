package dev.integrationbroker.lifecycle.scheduled;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sweep lease outlives a slow page and expires soon enough after a crash for the next slot to finish. */
class SweepSchedulerTest {

    @Test
    @DisplayName("given the default 300 s interval then a sweep's lease lasts two intervals")
    void twoIntervals() {
        assertThat(SweepScheduler.leaseFor(Duration.ofSeconds(300))).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    @DisplayName("given the 10 s test interval then the lease still lasts a minute")
    void atLeastAMinute() {
        assertThat(SweepScheduler.leaseFor(Duration.ofSeconds(10))).isEqualTo(Duration.ofMinutes(1));
    }
}
