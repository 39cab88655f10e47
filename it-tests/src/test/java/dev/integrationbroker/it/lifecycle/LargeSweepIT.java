package dev.integrationbroker.it.lifecycle;

import static dev.integrationbroker.it.harness.Waits.awaitTrue;
import static dev.integrationbroker.it.harness.Waits.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.it.harness.DedicatedServer;
import dev.integrationbroker.it.harness.ErrorAnswers;
import dev.integrationbroker.it.harness.HeapProbe;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.RealmSkeleton;
import dev.integrationbroker.it.harness.ServerLog;

/**
 * The scheduled sweep at scale (10,000 integrations within the test's time budget, heap flat in the count).
 * A dedicated dev-file H2 server with a 10 s sweep interval gets two realms of lapsed integrations, 1,000 and
 * 10,000, registered while the realm policy is {@code off} (so no sweep touches them while they are written); then
 * each realm is switched to {@code enforce} and the next scheduled sweep adopts and suspends every integration.
 * <p>
 * The server's live heap (class histogram after a full collection) is probed before, every second during and
 * after each sweep. Two things are asserted: what the sweep holds is bounded by its page of clients, not by the
 * count (live JPA client entities and adapters, and the extension's own objects, at every probe); and the live
 * heap grows no more during the 10,000 sweep than during the 1,000 sweep, plus a small constant. Keycloak's realm
 * cache keeps every client the sweep reads, up to its bound ({@code cache-embedded-realms-max-count}, 10,000 by
 * default); the server runs with a bound of 1,000 so that this Keycloak-owned, configurable memory does not hide
 * the sweep's own. The figures are printed and written to {@code target/large-sweep.txt}; the benchmark owns the
 * performance targets, so time is recorded, not asserted beyond the test's bound.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("scheduled sweep of 10,000 integrations")
class LargeSweepIT {

    private static final int SMALL = 1_000;
    private static final int LARGE = 10_000;
    private static final int IMPORT_CHUNK = 100;
    private static final int REALM_CACHE_BOUND = 1_000;
    /** The sweep reads clients 500 at a time; anything it holds per client must stay within two pages. */
    private static final long PAGE_BOUND = 1_000;
    private static final String CLIENT_ENTITY = "org.keycloak.models.jpa.entities.ClientEntity";
    private static final String CLIENT_ADAPTER = "org.keycloak.models.jpa.ClientAdapter";
    private static final String CACHED_CLIENT = "org.keycloak.models.cache.infinispan.entities.CachedClient";
    private static final String EXTENSION = "dev.integrationbroker.";
    /**
     * Extra live heap the 10,000 sweep may need over the 1,000 sweep: about 2.3 KB per additional integration. About
     * 1.1 KB of it is measured to be Keycloak's and H2's time-bounded bookkeeping per write (cluster invalidation
     * events, H2 LOB references held five minutes); a retained client with its attributes costs several KB.
     */
    private static final long FLAT_SLACK_BYTES = 20L * 1024 * 1024;
    private static final Duration SWEEP_BOUND = Duration.ofMinutes(5);
    private static final Pattern IDLE = Pattern.compile("lifecycle sweep of slot \\d+: no transitions \\((\\d+) ms\\)");
    private static final Pattern SWEPT = Pattern.compile("lifecycle sweep of slot \\d+: (\\d+) transitions in (\\d+) ms");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DedicatedServer dedicated;

    /** One measured sweep: its own report from the server log and the live-heap probes around it. */
    private record Sweep(int integrations, long transitions, long millis, long baseBytes, long peakBytes, long afterBytes, int probes,
            long peakClientEntities, long peakClientAdapters, long peakOwnObjects, long peakCachedClients, String retained) {

        long growthBytes() {
            return peakBytes - baseBytes;
        }

        String describe() {
            return String.format("%,d integrations: %,d transitions in %,d ms; live heap before %s, peak during %s (+%s, %d probes), after %s; "
                            + "peak live JPA ClientEntity %,d, JPA ClientAdapter %,d, extension objects %,d, Keycloak CachedClient %,d; "
                            + "largest growth after: %s",
                    integrations, transitions, millis, mb(baseBytes), mb(peakBytes), mb(growthBytes()), probes, mb(afterBytes),
                    peakClientEntities, peakClientAdapters, peakOwnObjects, peakCachedClients, retained);
        }
    }

    @BeforeAll
    void start() {
        dedicated = DedicatedServer.start("bulk", List.of("--spi-integration-lifecycle--default--sweep-interval=10",
                "--cache-embedded-realms-max-count=" + REALM_CACHE_BOUND));
    }

    @AfterAll
    void stop() {
        if (dedicated != null) {
            dedicated.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("given 1,000 and then 10,000 lapsed integrations then each scheduled sweep suspends all of them and the live heap does not grow with the count")
    void flatInTheCount() {
        KeycloakServer server = dedicated.server();
        HeapProbe heap = HeapProbe.of(server);
        long seedSmall = seed(server, "bulk-small", SMALL);
        long seedLarge = seed(server, "bulk-large", LARGE);

        Sweep small = sweep(server, heap, "bulk-small", SMALL);
        Sweep large = sweep(server, heap, "bulk-large", LARGE);

        String figures = String.join(System.lineSeparator(),
                String.format("registration by partial import (%d per request, policy off): %,d in %,d ms; %,d in %,d ms",
                        IMPORT_CHUNK, SMALL, seedSmall, LARGE, seedLarge),
                small.describe(), large.describe());
        record(figures, false);

        assertThat(small.transitions()).isEqualTo(SMALL);
        assertThat(large.transitions()).isEqualTo(LARGE);
        assertThat(suspended(server, "bulk-small")).isEqualTo(SMALL);
        assertThat(suspended(server, "bulk-large")).isEqualTo(LARGE);
        for (Sweep sweep : List.of(small, large)) {
            assertThat(sweep.peakClientEntities()).as("live JPA client entities during the %,d sweep%n%s", sweep.integrations(), figures)
                    .isLessThanOrEqualTo(PAGE_BOUND);
            assertThat(sweep.peakClientAdapters()).as("live JPA client adapters during the %,d sweep%n%s", sweep.integrations(), figures)
                    .isLessThanOrEqualTo(PAGE_BOUND);
            assertThat(sweep.peakOwnObjects()).as("live extension objects during the %,d sweep%n%s", sweep.integrations(), figures)
                    .isLessThanOrEqualTo(PAGE_BOUND);
        }
        assertThat(large.growthBytes())
                .as("live-heap growth during the 10,000 sweep vs the 1,000 sweep (flat in the count)%n%s", figures)
                .isLessThanOrEqualTo(Math.max(0, small.growthBytes()) + FLAT_SLACK_BYTES);
    }

    @Test
    @Order(2)
    @DisplayName("given scheduled sweeps over 11,000 integrations then an on-demand sweep meanwhile is refused with 409, never run alongside")
    void oneSweepAtATime() {
        KeycloakServer server = dedicated.server();
        assertThat(suspended(server, "bulk-large")).as("the realms of the first test").isEqualTo(LARGE);
        int logBefore = ServerLog.read(server.logFile()).length();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonResponse refused = null;
        int accepted = 0;
        while (refused == null && Instant.now().isBefore(deadline)) {
            JsonResponse response = server.admin().post("/admin/realms/bulk-small/integrations/sweep", "{}");
            if (response.status() == 409) {
                refused = response;
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                assertThat(response.json().path("transitions")).as("nothing left to do").isEmpty();
                accepted++;
            }
            sleep(200);
        }
        assertThat(refused).as("an on-demand sweep while a scheduled sweep ran (%d accepted in between)", accepted).isNotNull();
        ErrorAnswers.assertError(refused, 409, "conflict", "a lifecycle sweep is already running in this cluster; try again when it has finished");

        // the scheduled sweeps meanwhile walked all 11,000 integrations with nothing to do: record how long one took
        awaitTrue(Duration.ofSeconds(60), () -> IDLE.matcher(ServerLog.read(server.logFile()).substring(logBefore)).find());
        Matcher idle = IDLE.matcher(ServerLog.read(server.logFile()).substring(logBefore));
        assertThat(idle.find()).isTrue();
        record(String.format("a scheduled sweep with nothing to do over %,d integrations: %s ms", SMALL + LARGE, idle.group(1)), true);
    }

    @Test
    @Order(3)
    @DisplayName("given 10,000 integrations in an enforcing realm when a user is deleted and their owner disabled then both answer and the owner watch's cost is recorded")
    void ownerWatchAtScale() {
        KeycloakServer server = dedicated.server();
        String realm = "/admin/realms/bulk-large";
        JsonResponse created = server.admin().post(realm + "/users", MAPPER.createObjectNode().put("username", "carol").put("enabled", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String carol = server.admin().getOk(realm + "/users?username=carol&exact=true").get(0).path("id").asText();
        String bob = server.admin().getOk(realm + "/users?username=bob&exact=true").get(0).path("id").asText();

        long started = System.nanoTime();
        JsonResponse deleted = server.admin().delete(realm + "/users/" + carol);
        long deleteMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        started = System.nanoTime();
        JsonResponse disabled = server.admin().put(realm + "/users/" + bob, MAPPER.createObjectNode().put("enabled", false));
        long disableMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        record(String.format("owner watch in a realm of %,d integrations: deleting a user who owns none %,d ms; disabling the"
                + " technical owner of all of them %,d ms", LARGE, deleteMillis, disableMillis), true);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);
        JsonNode last = server.admin().getOk(realm + "/clients?clientId=" + String.format("bulk-%05d", LARGE - 1) + "&search=false").get(0);
        assertThat(last.path("attributes").has("integration.owner-invalid-since")).as("the last integration's orphan clock").isTrue();
    }

    /** Creates a realm with {@code count} integrations whose review lapsed a day ago, the policy off; returns ms taken. */
    private static long seed(KeycloakServer server, String realm, int count) {
        long started = System.nanoTime();
        assertThat(server.admin().post("/admin/realms", RealmSkeleton.of(realm, "bulk.test")).status()).isEqualTo(201);
        policy(server, realm, "off");

        String registered = Instant.now().minus(31, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int first = 0; first < count; first += IMPORT_CHUNK) {
            ObjectNode partial = RealmSkeleton.integrations("bulk", first, Math.min(count, first + IMPORT_CHUNK), true,
                    java.util.Map.of("integration.registered-at", registered));
            JsonResponse response = server.admin().post("/admin/realms/" + realm + "/partialImport", partial);
            assertThat(response.status()).as("partial import of integrations %d.. into %s: %s", first, realm, response.body()).isEqualTo(200);
        }
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    /** Switches the realm to enforce and probes the live heap until the scheduled sweep reports it swept the realm. */
    private static Sweep sweep(KeycloakServer server, HeapProbe heap, String realm, int count) {
        int reportsBefore = sweepReports(server).size();
        HeapProbe.Histogram base = heap.histogram();
        policy(server, realm, "enforce");

        long peakBytes = base.totalBytes();
        long[] peaks = new long[4];
        int probes = 0;
        Instant deadline = Instant.now().plus(SWEEP_BOUND);
        Optional<long[]> report = Optional.empty();
        while (report.isEmpty()) {
            assertThat(Instant.now()).as("a scheduled sweep of %s within %s", realm, SWEEP_BOUND).isBefore(deadline);
            HeapProbe.Histogram probe = heap.histogram();
            probes++;
            peakBytes = Math.max(peakBytes, probe.totalBytes());
            peaks[0] = Math.max(peaks[0], probe.instancesOf(CLIENT_ENTITY));
            peaks[1] = Math.max(peaks[1], probe.instancesOf(CLIENT_ADAPTER));
            peaks[2] = Math.max(peaks[2], probe.instancesUnder(EXTENSION));
            peaks[3] = Math.max(peaks[3], probe.instancesOf(CACHED_CLIENT));
            sleep(250);
            report = sweepReports(server).stream().skip(reportsBefore).filter(r -> r[0] >= count).findFirst();
        }
        HeapProbe.Histogram after = heap.histogram();
        return new Sweep(count, report.get()[0], report.get()[1], base.totalBytes(), peakBytes, after.totalBytes(), probes,
                peaks[0], peaks[1], peaks[2], peaks[3], after.largestGrowthSince(base, 8));
    }

    /** Every "N transitions in M ms" report of the scheduled sweep in the server log, oldest first. */
    private static List<long[]> sweepReports(KeycloakServer server) {
        Matcher matcher = SWEPT.matcher(ServerLog.read(server.logFile()));
        List<long[]> reports = new java.util.ArrayList<>();
        while (matcher.find()) {
            reports.add(new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))});
        }
        return reports;
    }

    private static void policy(KeycloakServer server, String realm, String mode) {
        JsonResponse response = server.admin().put("/admin/realms/" + realm + "/integrations/policy", MAPPER.createObjectNode().put("mode", mode));
        assertThat(response.status()).as("policy of %s: %s", realm, response.body()).isEqualTo(200);
    }

    private static long suspended(KeycloakServer server, String realm) {
        JsonResponse response = server.admin().get("/admin/realms/" + realm + "/integrations?status=suspended&max=1");
        assertThat(response.status()).isEqualTo(200);
        return Long.parseLong(response.header("X-Total-Count"));
    }

    private static void record(String figures, boolean append) {
        System.out.println("[large sweep] " + figures.replace(System.lineSeparator(), System.lineSeparator() + "[large sweep] "));
        try {
            Files.writeString(Path.of("target", "large-sweep.txt"), figures + System.lineSeparator(), StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the figures", e);
        }
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
