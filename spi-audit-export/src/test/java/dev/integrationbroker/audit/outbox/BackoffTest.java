package dev.integrationbroker.audit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    @DisplayName("given consecutive failures then the nominal delay doubles from 1 s and stops at the 5 minute cap")
    void schedule() {
        assertThat(IntStream.rangeClosed(1, 12).mapToObj(Backoff.DEFAULT::nominal).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
        assertThat(Backoff.DEFAULT.nominal(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    @DisplayName("given jitter then the delay lies between half the nominal delay and the full one")
    void jitter() {
        assertThat(Backoff.DEFAULT.delay(4, () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.DEFAULT.delay(4, () -> 0.999_999)).isBetween(Duration.ofMillis(7_999), Duration.ofSeconds(8));
        assertThat(Backoff.DEFAULT.delay(4, () -> 0.5)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    @DisplayName("given a retry gate then it closes for the back-off after a failure and opens again after a success")
    void gate() {
        RetryGate gate = new RetryGate(Backoff.DEFAULT, () -> 0.0);
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        assertThat(gate.ready(now)).isTrue();
        assertThat(gate.failed(now)).isEqualTo(Duration.ofMillis(500));
        assertThat(gate.ready(now.plusMillis(499))).isFalse();
        assertThat(gate.ready(now.plusMillis(500))).isTrue();
        assertThat(gate.failed(now)).isEqualTo(Duration.ofSeconds(1));
        gate.succeeded();
        assertThat(gate.ready(now)).isTrue();
        assertThat(gate.failures()).isZero();
    }

    @Test
    @DisplayName("given a cap below the base then the policy is refused")
    void invalid() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
