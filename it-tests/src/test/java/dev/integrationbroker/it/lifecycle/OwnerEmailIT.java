package dev.integrationbroker.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

/** Owner e-mails captured by a local SMTP server (GreenMail) that the test starts on a free loopback port. */
@KeycloakIT
@DisplayName("owner e-mails")
class OwnerEmailIT {

    private KeycloakServer server;
    private TestRealm realm;
    private GreenMail smtp;

    @BeforeEach
    void start(KeycloakServer server) throws Exception {
        this.server = server;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        realm = TestRealm.create(server, "registry");
        realm.requirePolicy("{\"dormant-after-days\":0}");
        JsonResponse configured = server.admin().put(realm.adminPath(""),
                Map.of("smtpServer", Map.of("host", "127.0.0.1", "port", Integer.toString(port), "from", "keycloak@registry.test")));
        assertThat(configured.status()).as(configured.toString()).isEqualTo(204);
    }

    @AfterEach
    void stop() {
        realm.close();
        smtp.stop();
    }

    private void registered(long daysAgo, int intervalDays) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("integration.registered-at", Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        attributes.put("integration.review-interval-days", Integer.toString(intervalDays));
        realm.restoreClient("crm", attributes);
    }

    private void sweep() {
        assertThat(server.admin().post(realm.adminPath("/integrations/sweep"), "{}").status()).isEqualTo(200);
    }

    private String reviewDay() {
        String nextReview = realm.client("crm").path("attributes").path("integration.next-review").asText();
        return DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.parse(nextReview).atOffset(ZoneOffset.UTC));
    }

    private static List<String> recipients(MimeMessage[] messages) throws Exception {
        return Arrays.stream(messages).map(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    @DisplayName("given a review due in three days then both owners get one reminder, and a second sweep sends none")
    void reminderOnce() throws Exception {
        registered(27, 30);

        sweep();

        assertThat(smtp.waitForIncomingEmail(15_000, 2)).isTrue();
        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(recipients(messages)).containsExactlyInAnyOrder("alice@registry.test", "bob@registry.test");
        assertThat(messages[0].getSubject()).isEqualTo("Review due on " + reviewDay() + " for integration crm");
        String body = GreenMailUtil.getBody(messages[0]);
        assertThat(body).contains("Synchronise orders into the CRM").contains(reviewDay());

        sweep();
        Thread.sleep(2000);
        assertThat(smtp.getReceivedMessages()).as("no duplicate reminder in the same window").hasSize(2);
    }

    @Test
    @DisplayName("given a lapsed review then both owners get the suspension notice with the reason and how to restore")
    void suspensionNotice() throws Exception {
        registered(31, 30);

        sweep();

        assertThat(smtp.waitForIncomingEmail(15_000, 2)).isTrue();
        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(recipients(messages)).containsExactlyInAnyOrder("alice@registry.test", "bob@registry.test");
        assertThat(messages[0].getSubject()).isEqualTo("Integration crm has been suspended (review-lapsed)");
        assertThat(GreenMailUtil.getBody(messages[0])).contains("review lapsed").contains("How to restore it").contains("Attest");
    }

    @Test
    @DisplayName("given a manual suspension through the API then the owners are told too")
    void manualSuspension() throws Exception {
        assertThat(server.admin().post(realm.adminPath("/integrations/crm/suspend"), "{\"reason\":\"manual\"}").status()).isEqualTo(200);

        assertThat(smtp.waitForIncomingEmail(15_000, 2)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Integration crm has been suspended (manual)");
    }
}
