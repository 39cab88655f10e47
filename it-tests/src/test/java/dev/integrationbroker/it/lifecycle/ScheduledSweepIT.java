package dev.integrationbroker.it.lifecycle;

import static dev.integrationbroker.it.harness.Waits.awaitTrue;
import static dev.integrationbroker.it.harness.Waits.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
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
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.integrationbroker.it.harness.DedicatedServer;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

/**
 * The scheduled sweep on a dedicated server with a 10 s interval: it applies due transitions and sends the owner
 * e-mails by itself, each exactly once, also across a server restart.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("scheduled sweep and e-mails across a restart")
class ScheduledSweepIT {

    private GreenMail smtp;
    private DedicatedServer dedicated;
    private TestRealm realm;

    @BeforeAll
    void start(KeycloakServer suiteServer) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        dedicated = DedicatedServer.start("sweep", List.of("--spi-integration-lifecycle--default--sweep-interval=10"));
        KeycloakServer server = dedicated.server();
        realm = TestRealm.create(server, "registry");
        realm.requirePolicy("{\"dormant-after-days\":0}");
        assertThat(server.admin().put(realm.adminPath(""),
                Map.of("smtpServer", Map.of("host", "127.0.0.1", "port", Integer.toString(port), "from", "keycloak@registry.test")))
                .status()).isEqualTo(204);
        realm.restoreClient("crm", registered(27, 30));           // review in 3 days: the 7-day reminder is due
        realm.restoreClient("crm-reports", registered(31, 30));   // review lapsed a day ago: suspension
    }

    @AfterAll
    void stop() {
        if (dedicated != null) {
            dedicated.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static Map<String, String> registered(long daysAgo, int interval) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("integration.registered-at", Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        attributes.put("integration.review-interval-days", Integer.toString(interval));
        return attributes;
    }

    private long transitions(KeycloakServer server, String clientId) {
        long count = 0;
        for (JsonNode event : server.admin().getOk(realm.adminPath("/admin-events?max=500"))) {
            String representation = event.path("representation").asText();
            if (representation.contains("\"action\":\"lifecycle\"") && representation.contains("\"clientId\":\"" + clientId + "\"")) {
                count++;
            }
        }
        return count;
    }

    @Test
    @DisplayName("given due integrations then the timer sweeps them once and mails once, and a restart repeats neither")
    void onceAcrossRestart() {
        KeycloakServer server = dedicated.server();
        awaitTrue(Duration.ofSeconds(60), () -> "suspended".equals(
                realm.client("crm-reports").path("attributes").path("integration.status").asText()));
        awaitTrue(Duration.ofSeconds(30), () -> smtp.getReceivedMessages().length >= 4);
        sleep(25_000); // at least two more sweeps

        assertThat(smtp.getReceivedMessages()).as("reminder to 2 owners + suspension notice to 2 owners").hasSize(4);
        assertThat(transitions(server, "crm-reports")).isEqualTo(1);
        assertThat(transitions(server, "crm")).as("active -> review-due").isEqualTo(1);

        KeycloakServer restarted = dedicated.restart();
        realm = TestRealm.attach(restarted, realm.name());
        sleep(25_000); // at least two sweeps after the restart

        assertThat(smtp.getReceivedMessages()).as("no duplicate after the restart").hasSize(4);
        assertThat(transitions(restarted, "crm-reports")).isEqualTo(1);
        assertThat(transitions(restarted, "crm")).isEqualTo(1);
    }
}
