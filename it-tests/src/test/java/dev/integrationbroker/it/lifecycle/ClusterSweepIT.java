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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.it.harness.DedicatedServer;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.LocalPostgres;
import dev.integrationbroker.it.harness.ServerLog;

/**
 * Two production-mode Keycloak nodes sharing the local PostgreSQL and forming a cluster: the node that starts
 * the sweep is killed while it runs; the survivor completes it once the dead node's sweep lease has expired (it
 * skips the slots before that: the lease is cluster-wide), and every due integration is transitioned exactly once
 * and wholly (status, reason, disabled, one admin event). Skipped where PostgreSQL is absent.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("sweep in a two-node cluster on PostgreSQL")
class ClusterSweepIT {

    private static final int INTEGRATIONS = 120;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private String databaseUrl;
    private DedicatedServer nodeA;
    private DedicatedServer nodeB;
    private final String realm = "cluster";

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
    @DisplayName("given the sweeping node killed mid-sweep then the survivor completes it, each integration once and wholly")
    void killedMidSweep() {
        DedicatedServer sweeping = awaitSweepStart();
        DedicatedServer survivor = sweeping == nodeA ? nodeB : nodeA;
        sweeping.kill();

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
        ObjectNode rep = MAPPER.createObjectNode().put("realm", realm).put("enabled", true).put("adminEventsEnabled", true);
        rep.putObject("attributes").put("CreateDefaultClientScopes", "true");
        ArrayNode users = rep.putArray("users");
        users.addObject().put("username", "alice").put("email", "alice@cluster.test").put("enabled", true);
        users.addObject().put("username", "bob").put("email", "bob@cluster.test").put("enabled", true);
        rep.putArray("clientScopes").addObject().put("name", "orders.read").put("protocol", "openid-connect");
        ArrayNode clients = rep.putArray("clients");
        clients.addObject().put("clientId", "orders-api").put("enabled", true).put("publicClient", false);
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
