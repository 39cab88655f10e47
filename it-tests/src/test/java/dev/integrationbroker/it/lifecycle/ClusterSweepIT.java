package dev.integrationbroker.it.lifecycle;

import static dev.integrationbroker.it.harness.Waits.awaitTrue;
import static dev.integrationbroker.it.harness.Waits.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.it.harness.DedicatedServer;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.LocalPostgres;
import dev.integrationbroker.it.harness.RealmSkeleton;
import dev.integrationbroker.it.harness.ServerLog;

/**
 * Two production-mode Keycloak nodes sharing the local PostgreSQL and forming a cluster: the node that starts
 * the sweep is killed while it runs; the survivor completes it once the dead node's sweep lease has expired (it
 * skips the slots before that: the lease is cluster-wide), and every due integration is transitioned exactly once
 * and wholly (status, reason, disabled, one admin event). Then, with the dead node restarted, both nodes issue
 * tokens at once and the realm's audit hash chain, linked by both nodes' drains under the chain-head row lock,
 * holds every issuance exactly once and verifies intact. Skipped where PostgreSQL is absent.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("sweep and audit chain in a two-node cluster on PostgreSQL")
class ClusterSweepIT {

    private static final int INTEGRATIONS = 120;
    private static final int TOKENS_PER_NODE = 40;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private String databaseUrl;
    private DedicatedServer nodeA;
    private DedicatedServer nodeB;
    private final String realm = "cluster";
    private DedicatedServer killed;

    @BeforeAll
    void startCluster(KeycloakServer suiteServer) throws Exception {
        String url = LocalPostgres.createDatabase("ib_cluster_" + System.currentTimeMillis());
        databaseUrl = url;
        nodeA = DedicatedServer.startNode("node-a", nodeOptions(url), Map.of());
        nodeB = DedicatedServer.startNode("node-b", nodeOptions(url), Map.of());
        JsonResponse created = nodeA.server().admin().post("/admin/realms", realmWithLapsedIntegrations());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @AfterAll
    void stopCluster() {
        for (DedicatedServer node : new DedicatedServer[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (databaseUrl != null) {
            LocalPostgres.dropDatabase(databaseUrl);
        }
    }

    private static List<String> nodeOptions(String url) throws Exception {
        int clusterPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            clusterPort = socket.getLocalPort();
        }
        return List.of("--db=postgres", "--db-url=" + url, "--db-username=postgres", "--db-password=postgres",
                "--cache=ispn", "--cache-stack=jdbc-ping", "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort, "--spi-integration-lifecycle--default--sweep-interval=10");
    }

    @Test
    @Order(1)
    @DisplayName("given the sweeping node killed mid-sweep then the survivor completes it, each integration once and wholly")
    void killedMidSweep() {
        DedicatedServer sweeping = awaitSweepStart();
        DedicatedServer survivor = sweeping == nodeA ? nodeB : nodeA;
        sweeping.kill();
        killed = sweeping;

        KeycloakServer server = survivor.server();
        awaitTrue(Duration.ofMinutes(3), () -> suspendedCount(server) == INTEGRATIONS);
        assertThat(ServerLog.read(survivor.log())).as("the survivor waited for the dead node's sweep lease")
                .contains("skipped: an earlier sweep is still running");

        Map<String, Integer> events = new HashMap<>();
        for (JsonNode event : server.admin().getOk("/admin/realms/" + realm + "/admin-events?max=2000")) {
            String representation = event.path("representation").asText();
            if (representation.contains("\"action\":\"lifecycle\"") && representation.contains("\"to\":\"suspended\"")) {
                events.merge(MAPPER.valueToTree(parse(representation)).path("clientId").asText(), 1, Integer::sum);
            }
        }
        assertThat(events).hasSize(INTEGRATIONS);
        assertThat(events.values()).as("each integration suspended exactly once").containsOnly(1);
        for (JsonNode client : server.admin().getOk("/admin/realms/" + realm + "/clients?max=500")) {
            if (client.path("clientId").asText().startsWith("int-")) {
                JsonNode attributes = client.path("attributes");
                assertThat(client.path("enabled").asBoolean()).as(client.path("clientId").asText()).isFalse();
                assertThat(attributes.path("integration.suspended-reason").asText()).isEqualTo("review-lapsed");
                assertThat(attributes.has("integration.suspended-at")).isTrue();
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("given token requests on both nodes at once then the realm's audit chain holds each exactly once, unbroken")
    void auditChainAcrossNodes() throws Exception {
        if (killed != null) {
            killed.restart();
        }
        String auditRealm = "cluster-audit";
        ObjectNode rep = RealmSkeleton.of(auditRealm, "cluster.test");
        ((ArrayNode) rep.get("clients")).addObject().put("clientId", "crm").put("enabled", true).put("publicClient", false).put("secret", "crm-secret")
                .put("standardFlowEnabled", false).put("serviceAccountsEnabled", true).putObject("attributes")
                .put("integration.business-owner", "alice").put("integration.technical-owner", "bob")
                .put("integration.purpose", "Cluster audit chain test").put("integration.allowed-audiences", "orders-api")
                .put("integration.allowed-scopes", "orders.read");
        JsonResponse created = nodeA.server().admin().post("/admin/realms", rep);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> onA = pool.submit(() -> issue(nodeA.server(), auditRealm));
            Future<Integer> onB = pool.submit(() -> issue(nodeB.server(), auditRealm));
            assertThat(onA.get(3, TimeUnit.MINUTES) + onB.get(3, TimeUnit.MINUTES)).isEqualTo(2 * TOKENS_PER_NODE);
        } finally {
            pool.shutdownNow();
        }

        KeycloakServer server = nodeB.server();
        String records = "/admin/realms/" + auditRealm + "/integrations/audit?type=token.issued&clientId=crm";
        awaitTrue(Duration.ofSeconds(60), () -> server.admin().getOk(records).size() == 2 * TOKENS_PER_NODE);
        java.util.Set<Long> seqs = new java.util.HashSet<>();
        server.admin().getOk(records).forEach(record -> seqs.add(record.path("seq").asLong()));
        assertThat(seqs).as("one sequence number per record").hasSize(2 * TOKENS_PER_NODE);
        JsonNode verdict = server.admin().getOk("/admin/realms/" + auditRealm + "/integrations/audit/verify");
        assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("records").asLong()).isGreaterThanOrEqualTo(2L * TOKENS_PER_NODE);
    }

    /** Requests {@link #TOKENS_PER_NODE} client_credentials tokens from one node; returns how many were issued. */
    private static int issue(KeycloakServer server, String realmName) {
        int issued = 0;
        for (int i = 0; i < TOKENS_PER_NODE; i++) {
            JsonResponse response = server.oauth(realmName).clientCredentials("crm", "crm-secret", null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            issued++;
        }
        return issued;
    }

    /**
     * Waits until a sweep is under way (some but not all integrations suspended) and returns the node that claimed
     * the latest sweep slot, i.e. the one running it.
     */
    private DedicatedServer awaitSweepStart() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            long suspended = suspendedCount(nodeA.server());
            if (suspended > 0 && suspended < INTEGRATIONS) {
                return latestSlot(nodeA.log()) >= latestSlot(nodeB.log()) ? nodeA : nodeB;
            }
            assertThat(suspended).as("the sweep finished before it could be interrupted").isLessThan(INTEGRATIONS);
            sleep(50);
        }
        throw new AssertionError("no node started a sweep within 2 minutes");
    }

    /** The highest sweep slot the node's log says it started, or -1. */
    private static long latestSlot(Path log) {
        java.util.regex.Matcher started = java.util.regex.Pattern.compile("lifecycle sweep of slot (\\d+) started").matcher(ServerLog.read(log));
        long latest = -1;
        while (started.find()) {
            latest = Math.max(latest, Long.parseLong(started.group(1)));
        }
        return latest;
    }

    private long suspendedCount(KeycloakServer server) {
        JsonResponse response = server.admin().get("/admin/realms/" + realm + "/integrations?status=suspended&max=1");
        return response.status() == 200 ? Long.parseLong(response.header("X-Total-Count")) : -1;
    }

    private ObjectNode realmWithLapsedIntegrations() {
        ObjectNode rep = RealmSkeleton.of(realm, "cluster.test");
        ArrayNode clients = (ArrayNode) rep.get("clients");
        String registered = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 1; i <= INTEGRATIONS; i++) {
            ObjectNode client = clients.addObject().put("clientId", String.format("int-%03d", i)).put("enabled", true)
                    .put("publicClient", false).put("secret", "s" + i).put("standardFlowEnabled", false).put("serviceAccountsEnabled", true);
            client.putObject("attributes")
                    .put("integration.business-owner", "alice").put("integration.technical-owner", "bob")
                    .put("integration.purpose", "Cluster sweep test integration " + i)
                    .put("integration.allowed-audiences", "orders-api").put("integration.allowed-scopes", "orders.read")
                    .put("integration.review-interval-days", "30").put("integration.registered-at", registered);
        }
        return rep;
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
