package dev.integrationbroker.audit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakTransaction;
import org.mockito.ArgumentCaptor;

import dev.integrationbroker.audit.chain.ChainVerifier;
import dev.integrationbroker.audit.config.FormatKind;
import dev.integrationbroker.audit.format.RecordFormat;
import dev.integrationbroker.audit.record.Json;
import dev.integrationbroker.lifecycle.audit.AuditVerification;
import dev.integrationbroker.audit.testing.FakeKeycloak;
import dev.integrationbroker.audit.testing.InMemoryOutbox;
import dev.integrationbroker.audit.testing.MutableClock;
import dev.integrationbroker.audit.testing.RecordingSink;
import dev.integrationbroker.audit.testing.Records;

class OutboxPipelineTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private InMemoryOutbox outbox;
    private RecordingSink sink;
    private MutableClock clock;
    private BacklogMonitor backlog;
    private DeliveryStats stats;
    private FakeKeycloak keycloak;

    @BeforeEach
    void setUp() {
        outbox = new InMemoryOutbox();
        sink = new RecordingSink();
        clock = new MutableClock(T0);
        backlog = new BacklogMonitor(3, true);
        stats = new DeliveryStats();
        keycloak = new FakeKeycloak();
    }

    private OutboxDrainer drainer() {
        return new OutboxDrainer(outbox, sink, RecordFormat.of(FormatKind.JSON), new RetryGate(Backoff.DEFAULT, () -> 0.0), backlog, stats, clock);
    }

    private void append(int count, String realmId) {
        OutboxWriter writer = new OutboxWriter(session -> outbox, new DrainLoop(() -> false));
        for (int i = 0; i < count; i++) {
            String id = realmId + "-" + i;
            writer.append(keycloak.session, realmId, Records.issued(id, T0.plusMillis(i)));
        }
    }

    private AuditVerification verification(String realmId) {
        ChainVerifier verifier = new ChainVerifier();
        outbox.chainSlice(realmId, 0, Long.MAX_VALUE, Integer.MAX_VALUE).forEach(r -> verifier.accept(Json.parseObject(r.body())));
        return verifier.finish(outbox.head(realmId));
    }

    @Nested
    class Writing {

        @Test
        @DisplayName("given records written in one transaction then they are pending and one drain is requested after commit only")
        void afterCommit() {
            AtomicInteger requests = new AtomicInteger();
            DrainLoop loop = new DrainLoop(() -> {
                requests.incrementAndGet();
                return false;
            });
            loop.start(Runnable::run);
            requests.set(0);
            OutboxWriter writer = new OutboxWriter(session -> outbox, loop);

            writer.append(keycloak.session, "r1", Records.issued("a", T0));
            writer.append(keycloak.session, "r1", Records.issued("b", T0));

            ArgumentCaptor<KeycloakTransaction> afterCompletion = ArgumentCaptor.forClass(KeycloakTransaction.class);
            verify(keycloak.transactions, times(1)).enlistAfterCompletion(afterCompletion.capture());
            assertThat(outbox.rows()).hasSize(2).allSatisfy(row -> assertThat(row.state()).isZero());
            assertThat(requests).hasValue(0);
            afterCompletion.getValue().begin();
            afterCompletion.getValue().commit();
            assertThat(requests).hasValue(1);
        }

        @Test
        @DisplayName("given a rolled-back transaction then no drain is requested")
        void rollback() {
            AtomicInteger requests = new AtomicInteger();
            DrainLoop loop = new DrainLoop(() -> {
                requests.incrementAndGet();
                return false;
            });
            loop.start(Runnable::run);
            requests.set(0);
            new OutboxWriter(session -> outbox, loop).append(keycloak.session, "r1", Records.issued("a", T0));
            ArgumentCaptor<KeycloakTransaction> afterCompletion = ArgumentCaptor.forClass(KeycloakTransaction.class);
            verify(keycloak.transactions).enlistAfterCompletion(afterCompletion.capture());

            afterCompletion.getValue().begin();
            afterCompletion.getValue().rollback();

            assertThat(requests).hasValue(0);
        }
    }

    @Nested
    class Draining {

        @Test
        @DisplayName("given pending records then a pass chains them in time order, ships them and marks them delivered")
        void chainsAndShips() {
            append(3, "r1");

            boolean more = drainer().pass();

            assertThat(more).isFalse();
            assertThat(sink.records()).extracting(r -> r.document().get("seq").asLong()).containsExactly(1L, 2L, 3L);
            assertThat(sink.records()).extracting(r -> r.id()).containsExactly("r1-0", "r1-1", "r1-2");
            assertThat(outbox.rows()).allSatisfy(row -> assertThat(row.state()).isEqualTo(2));
            assertThat(backlog.backlog()).isZero();
            assertThat(verification("r1")).isEqualTo(new AuditVerification(true, 3, null));
            assertThat(stats.delivered()).isEqualTo(3);
        }

        @Test
        @DisplayName("given two realms then each has its own chain starting at seq 1")
        void perRealm() {
            append(2, "r1");
            append(2, "r2");

            drainer().pass();

            assertThat(outbox.head("r1").seq()).isEqualTo(2);
            assertThat(outbox.head("r2").seq()).isEqualTo(2);
            assertThat(verification("r1").intact()).isTrue();
            assertThat(verification("r2").intact()).isTrue();
        }

        @Test
        @DisplayName("given more records than a batch then the pass reports more work and the next passes finish it")
        void batches() {
            append(OutboxDrainer.BATCH + 20, "r1");
            OutboxDrainer drainer = drainer();

            assertThat(drainer.pass()).isTrue();
            while (drainer.pass()) {
                // drain
            }

            assertThat(sink.records()).hasSize(OutboxDrainer.BATCH + 20);
            assertThat(verification("r1")).isEqualTo(new AuditVerification(true, OutboxDrainer.BATCH + 20, null));
        }

        @Test
        @DisplayName("given records chained in several passes then the chain continues across passes")
        void continuesChain() {
            append(2, "r1");
            drainer().pass();
            OutboxWriter writer = new OutboxWriter(session -> outbox, new DrainLoop(() -> false));
            writer.append(keycloak.session, "r1", Records.issued("late", T0.plusSeconds(60)));

            drainer().pass();

            assertThat(outbox.head("r1").seq()).isEqualTo(3);
            assertThat(verification("r1").intact()).isTrue();
        }
    }

    @Nested
    class Outage {

        @Test
        @DisplayName("given the sink down then records are chained but stay undelivered, the backlog rises and fail-closed refuses")
        void sinkDown() {
            sink.failing(true);
            append(5, "r1");

            drainer().pass();

            assertThat(outbox.rows()).allSatisfy(row -> assertThat(row.state()).isEqualTo(1));
            assertThat(backlog.backlog()).isEqualTo(5);
            assertThat(backlog.accepting()).isFalse();
            assertThat(stats.sinkFailures()).isEqualTo(1);
        }

        @Test
        @DisplayName("given the sink back after the back-off then a pass delivers everything and issuance is accepted again")
        void recovers() {
            sink.failing(true);
            append(5, "r1");
            OutboxDrainer drainer = drainer();
            drainer.pass();
            sink.failing(false);

            drainer.pass();
            assertThat(sink.records()).as("still backing off").isEmpty();
            clock.advance(Duration.ofSeconds(1));
            drainer.pass();

            assertThat(sink.records()).hasSize(5);
            assertThat(backlog.accepting()).isTrue();
        }

        @Test
        @DisplayName("given a restart (a new drainer over the same outbox) then undelivered records are shipped, none lost")
        void restart() {
            sink.failing(true);
            append(4, "r1");
            drainer().pass();
            sink.failing(false);

            drainer().pass();

            assertThat(sink.records()).extracting(r -> r.id()).containsExactly("r1-0", "r1-1", "r1-2", "r1-3");
            assertThat(outbox.countUndelivered()).isZero();
        }

        @Test
        @DisplayName("given a sink that failed then the rolled-back ship leaves the chain intact and records undelivered")
        void rollbackKeepsChain() {
            sink.failing(true);
            append(3, "r1");

            drainer().pass();

            assertThat(verification("r1")).isEqualTo(new AuditVerification(true, 3, null));
            assertThat(outbox.undelivered("r1", 10)).hasSize(3);
        }
    }

    @Test
    @DisplayName("given a tampered stored body then verification finds it")
    void tamperDetected() {
        append(3, "r1");
        drainer().pass();
        String id = outbox.rows().get(1).record().id();
        String body = outbox.rows().get(1).record().body().replace("\"ttl\":300", "\"ttl\":86400");
        outbox.tamper(id, body);

        assertThat(verification("r1")).isEqualTo(new AuditVerification(false, 3, 2L));
    }
}
