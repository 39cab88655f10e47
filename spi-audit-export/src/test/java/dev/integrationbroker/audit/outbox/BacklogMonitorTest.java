package dev.integrationbroker.audit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BacklogMonitorTest {

    @Test
    @DisplayName("given fail-closed and a backlog over the bound then issuance is refused until it drains, and the alarm counts once")
    void failClosed() {
        BacklogMonitor monitor = new BacklogMonitor(100, true);

        monitor.update(100);
        assertThat(monitor.accepting()).isTrue();
        monitor.update(101);
        monitor.update(150);
        assertThat(monitor.accepting()).isFalse();
        assertThat(monitor.alarms()).isEqualTo(1);
        monitor.update(99);
        assertThat(monitor.accepting()).isTrue();
        monitor.update(101);
        assertThat(monitor.alarms()).isEqualTo(2);
    }

    @Test
    @DisplayName("given fail-open and a backlog over the bound then issuance continues and the alarm is raised")
    void failOpen() {
        BacklogMonitor monitor = new BacklogMonitor(100, false);

        monitor.update(1_000);

        assertThat(monitor.accepting()).isTrue();
        assertThat(monitor.over()).isTrue();
        assertThat(monitor.alarms()).isEqualTo(1);
        assertThat(monitor.backlog()).isEqualTo(1_000);
    }
}
