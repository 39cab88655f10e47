package dev.integrationbroker.it.audit;

import static dev.integrationbroker.it.harness.Waits.awaitTrue;
import static dev.integrationbroker.it.harness.Waits.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import dev.integrationbroker.it.harness.DedicatedServer;
import dev.integrationbroker.it.harness.ErrorAnswers;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

/**
 * The webhook sink against a local receiver, on a dedicated server (webhook sink, OCSF format, backlog bound 20,
 * fail-closed):
 * signed batches; an outage that spans a Keycloak restart loses nothing; a full backlog refuses issuance with 503
 * until it drains.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("audit webhook, outage and fail-closed")
class AuditWebhookIT {

    private static final String SECRET = "webhook-test-secret";
    private static final int MAX_BACKLOG = 20;

    private WebhookReceiver receiver;
    private DedicatedServer dedicated;
    private TestRealm realm;

    @BeforeAll
    void start(KeycloakServer suiteServer) throws Exception {
        receiver = new WebhookReceiver(SECRET);
        String option = "--spi-events-listener--integration-audit--";
        dedicated = DedicatedServer.start("webhook", List.of(option + "sink=webhook", option + "webhook-url=" + receiver.url(),
                option + "webhook-secret=" + SECRET, option + "max-backlog=" + MAX_BACKLOG, option + "fail-closed=true", option + "format=ocsf"));
        realm = TestRealm.create(dedicated.server(), "registry");
    }

    @AfterAll
    void stop() {
        if (dedicated != null) {
            dedicated.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private JsonResponse token() {
        return realm.oauth().clientCredentials("crm", "crm-secret", null);
    }

    private Set<String> trailIds(KeycloakServer server) {
        Set<String> ids = new HashSet<>();
        server.admin().getOk(realm.adminPath("/integrations/audit")).forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    @Test
    @Order(1)
    @DisplayName("given a working receiver then records arrive in signed batches with an idempotency key")
    void delivered() {
        assertThat(token().status()).isEqualTo(200);

        awaitTrue(Duration.ofSeconds(60), () -> new HashSet<>(receiver.receivedIds()).containsAll(trailIds(dedicated.server())));

        assertThat(receiver.receivedIds()).isNotEmpty();
        assertThat(receiver.badSignatures()).isEmpty();
        assertThat(receiver.missingIdempotencyKeys()).isZero();
        assertThat(dev.integrationbroker.it.harness.ServerLog.read(dedicated.server().logFile())).doesNotContain(SECRET);
    }

    @Test
    @Order(2)
    @DisplayName("given format=ocsf then every delivered event has the required attributes of its OCSF class")
    void ocsfRequiredAttributes() {
        assertThat(receiver.records()).isNotEmpty().allSatisfy(event -> {
            int classUid = event.path("class_uid").asInt();
            assertThat(classUid).isIn(3001, 3002);
            assertThat(event.path("category_uid").asInt()).isEqualTo(3);
            assertThat(event.path("activity_id").isInt()).isTrue();
            assertThat(event.path("type_uid").asLong()).isEqualTo(classUid * 100L + event.path("activity_id").asInt());
            assertThat(event.path("time").isIntegralNumber()).isTrue();
            assertThat(event.path("severity_id").isInt()).isTrue();
            assertThat(event.path("status_id").asInt()).isIn(1, 2);
            assertThat(event.path("metadata").path("version").asText()).startsWith("1.");
            assertThat(event.path("metadata").path("product").path("name").asText()).isNotBlank();
            assertThat(event.path("metadata").path("product").path("vendor_name").asText()).isNotBlank();
            if (classUid == 3002) {
                assertThat(event.has("user")).as("Authentication requires user: %s", event).isTrue();
            }
        });
    }

    @Test
    @Order(3)
    @DisplayName("given an outage (timeouts, then 500s) with a restart in the middle then nothing is lost")
    void outageAcrossRestart() {
        receiver.hanging(true);
        for (int i = 0; i < 5; i++) {
            assertThat(token().status()).isEqualTo(200);
        }
        awaitTrue(Duration.ofSeconds(60), () -> receiver.refusedBatches() > 0);
        receiver.hanging(false);
        receiver.failing(true);

        KeycloakServer restarted = dedicated.restart();
        realm = TestRealm.attach(restarted, realm.name());
        for (int i = 0; i < 3; i++) {
            assertThat(token().status()).isEqualTo(200);
        }
        receiver.failing(false);

        Set<String> expected = trailIds(restarted);
        awaitTrue(Duration.ofMinutes(3), () -> new HashSet<>(receiver.receivedIds()).containsAll(trailIds(restarted)));
        assertThat(new HashSet<>(receiver.receivedIds())).containsAll(expected);
        assertThat(receiver.badSignatures()).isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("given the receiver down and the backlog over its bound then issuance answers 503 until it drains")
    void failClosed() {
        receiver.failing(true);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonResponse last = token();
        while (last.status() != 503 && Instant.now().isBefore(deadline)) {
            sleep(300);
            last = token();
        }
        ErrorAnswers.assertError(last, 503, "temporarily_unavailable", "the audit export is behind; try again later");

        receiver.failing(false);
        awaitTrue(Duration.ofMinutes(3), () -> token().status() == 200);
        assertThat(token().status()).isEqualTo(200);
    }
}
