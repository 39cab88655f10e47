package dev.integrationbroker.lifecycle.scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One sweep at a time in the cluster; a crashed holder's lease expires within a minute; a stalled holder stops. */
class SweepLeaseTest {

    private final MutableClock clock = new MutableClock();
    private final ExpiringStore store = new ExpiringStore(clock);

    @Test
    @DisplayName("given a held lease when another sweep asks then it is refused until the holder releases it")
    void oneAtATime() {
        SweepLease first = SweepLease.acquire(store, clock).orElseThrow();

        assertThat(SweepLease.acquire(store, clock)).isEmpty();
        first.close();
        assertThat(SweepLease.acquire(store, clock)).isPresent();
    }

    @Test
    @DisplayName("given a holder that renews after its steps then it keeps the lease however long the sweep runs")
    void renewedWhileRunning() {
        SweepLease holder = SweepLease.acquire(store, clock).orElseThrow();

        for (int step = 0; step < 100; step++) {
            clock.advance(Duration.ofSeconds(5));
            holder.renewIfDue();
            assertThat(SweepLease.acquire(store, clock)).as("after %d s", (step + 1) * 5).isEmpty();
        }
    }

    @Test
    @DisplayName("given a renewal before a third of the lease has passed then the store is not written")
    void renewalIsCheapUntilDue() {
        SweepLease holder = SweepLease.acquire(store, clock).orElseThrow();
        int writes = store.writes;

        clock.advance(Duration.ofSeconds(19));
        holder.renewIfDue();
        assertThat(store.writes).isEqualTo(writes);
        clock.advance(Duration.ofSeconds(1));
        holder.renewIfDue();
        assertThat(store.writes).isEqualTo(writes + 1);
    }

    @Test
    @DisplayName("given a holder that died when a minute has passed then the next sweep takes the lease")
    void crashedHolderExpiresWithinAMinute() {
        SweepLease.acquire(store, clock).orElseThrow(); // never renewed nor released: its node died

        clock.advance(Duration.ofSeconds(59));
        assertThat(SweepLease.acquire(store, clock)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(SweepLease.acquire(store, clock)).isPresent();
    }

    @Test
    @DisplayName("given a holder whose step stalled past the lease and another sweep took it then its renewal stops it")
    void stalledHolderStops() {
        SweepLease stalled = SweepLease.acquire(store, clock).orElseThrow();
        clock.advance(Duration.ofSeconds(90));
        SweepLease successor = SweepLease.acquire(store, clock).orElseThrow();

        assertThatThrownBy(stalled::renewIfDue).isInstanceOf(SweepLease.LeaseLost.class)
                .hasMessage("the lifecycle sweep stalled for more than 60 s and another sweep took over its cluster lease; this one stopped");
        stalled.close();
        assertThat(SweepLease.acquire(store, clock)).as("the stalled holder's close leaves the successor's lease").isEmpty();
        successor.close();
    }

    @Test
    @DisplayName("given a holder whose lease expired and nobody took it then its renewal takes it again")
    void expiredButFreeIsRetaken() {
        SweepLease holder = SweepLease.acquire(store, clock).orElseThrow();
        clock.advance(Duration.ofSeconds(90));

        holder.renewIfDue();
        assertThat(SweepLease.acquire(store, clock)).isEmpty();
    }

    /** The single-use store's semantics: entries expire after their lifespan. */
    private static final class ExpiringStore implements LeaseStore {
        private record Hold(String owner, Instant until) {
        }

        private final Map<String, Hold> holds = new HashMap<>();
        private final Clock clock;
        int writes;

        ExpiringStore(Clock clock) {
            this.clock = clock;
        }

        private Optional<Hold> current(String key) {
            Hold hold = holds.get(key);
            return hold != null && clock.instant().isBefore(hold.until()) ? Optional.of(hold) : Optional.empty();
        }

        @Override
        public boolean take(String key, String owner, Duration lifespan) {
            if (current(key).isPresent()) {
                return false;
            }
            writes++;
            holds.put(key, new Hold(owner, clock.instant().plus(lifespan)));
            return true;
        }

        @Override
        public boolean renew(String key, String owner, Duration lifespan) {
            if (current(key).filter(h -> !h.owner().equals(owner)).isPresent()) {
                return false;
            }
            writes++;
            holds.put(key, new Hold(owner, clock.instant().plus(lifespan)));
            return true;
        }

        @Override
        public void release(String key, String owner) {
            current(key).filter(h -> h.owner().equals(owner)).ifPresent(h -> holds.remove(key));
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
