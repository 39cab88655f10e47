package dev.integrationbroker.audit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DrainLoopTest {

    /** Runs submitted tasks only when told to. */
    static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    @DisplayName("given requests before start then nothing runs; after start one pass runs")
    void start() {
        AtomicInteger passes = new AtomicInteger();
        DrainLoop loop = new DrainLoop(() -> {
            passes.incrementAndGet();
            return false;
        });
        ManualExecutor executor = new ManualExecutor();

        loop.request();
        assertThat(passes).hasValue(0);
        loop.start(executor);
        executor.runAll();

        assertThat(passes).hasValue(1);
    }

    @Test
    @DisplayName("given many requests while one is queued then they coalesce into a single submission")
    void coalesces() {
        AtomicInteger passes = new AtomicInteger();
        DrainLoop loop = new DrainLoop(() -> {
            passes.incrementAndGet();
            return false;
        });
        ManualExecutor executor = new ManualExecutor();
        loop.start(executor);
        for (int i = 0; i < 100; i++) {
            loop.request();
        }

        assertThat(executor.tasks).hasSize(1);
        executor.runAll();
        assertThat(passes).hasValue(1);
    }

    @Test
    @DisplayName("given a pass reporting more work then passes repeat until none remains")
    void continues() {
        AtomicInteger remaining = new AtomicInteger(3);
        DrainLoop loop = new DrainLoop(() -> remaining.decrementAndGet() > 0);
        ManualExecutor executor = new ManualExecutor();

        loop.start(executor);
        executor.runAll();

        assertThat(remaining).hasValue(0);
    }

    @Test
    @DisplayName("given a request arriving during a pass then another pass follows")
    void requestDuringPass() {
        AtomicInteger passes = new AtomicInteger();
        DrainLoop[] holder = new DrainLoop[1];
        holder[0] = new DrainLoop(() -> {
            if (passes.incrementAndGet() == 1) {
                holder[0].request();
            }
            return false;
        });
        ManualExecutor executor = new ManualExecutor();

        holder[0].start(executor);
        executor.runAll();

        assertThat(passes).hasValue(2);
    }

    @Test
    @DisplayName("given a failing pass or a closed loop then it stops without spinning")
    void failureAndClose() {
        AtomicInteger passes = new AtomicInteger();
        DrainLoop loop = new DrainLoop(() -> {
            passes.incrementAndGet();
            throw new IllegalStateException("database down");
        });
        ManualExecutor executor = new ManualExecutor();

        loop.start(executor);
        executor.runAll();
        loop.close();
        loop.request();
        executor.runAll();

        assertThat(passes).hasValue(1);
    }
}
