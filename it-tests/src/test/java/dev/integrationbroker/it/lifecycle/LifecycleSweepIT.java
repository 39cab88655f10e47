package dev.integrationbroker.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrationbroker.it.harness.ErrorAnswers;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

@KeycloakIT
@DisplayName("lifecycle sweep")
class LifecycleSweepIT {

    private KeycloakServer server;
    private TestRealm realm;

    @BeforeEach
    void createRealm(KeycloakServer server) {
        this.server = server;
        this.realm = TestRealm.create(server, "registry");
        // only crm is under test: the other integrations of the fixture stay quiet
        realm.requirePolicy("{\"dormant-after-days\":0}");
    }

    @AfterEach
    void deleteRealm() {
        realm.close();
    }

    private List<JsonNode> sweep() {
        JsonResponse response = server.admin().post(realm.adminPath("/integrations/sweep"), "{}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> transitions = new ArrayList<>();
        response.json().path("transitions").forEach(transitions::add);
        return transitions;
    }

    private static String ago(long days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Registration {@code registeredDaysAgo} days ago with the given review interval; next review follows from both. */
    private void registered(long registeredDaysAgo, int intervalDays) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("integration.registered-at", ago(registeredDaysAgo));
        attributes.put("integration.review-interval-days", Integer.toString(intervalDays));
        realm.restoreClient("crm", attributes);
    }

    private static void assertTransition(List<JsonNode> transitions, String from, String to, String reason) {
        assertThat(transitions).hasSize(1);
        JsonNode t = transitions.get(0);
        assertThat(t.path("clientId").asText()).isEqualTo("crm");
        assertThat(t.path("from").asText()).isEqualTo(from);
        assertThat(t.path("to").asText()).isEqualTo(to);
        assertThat(t.path("reason").isNull() ? null : t.path("reason").asText()).isEqualTo(reason);
    }

    @Test
    @DisplayName("given a review lapsed with no grace then the sweep suspends once and disables the client")
    void reviewLapsed() {
        registered(31, 30);

        assertTransition(sweep(), "active", "suspended", "review-lapsed");
        assertThat(realm.client("crm").path("enabled").asBoolean()).isFalse();
        assertThat(sweep()).as("a second sweep finds nothing to do").isEmpty();
        JsonResponse token = realm.oauth().clientCredentials("crm", "crm-secret", null);
        assertThat(token.status()).isEqualTo(401);
        assertThat(token.json().path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    @DisplayName("given a review within the first reminder window then the status becomes review-due")
    void reviewDue() {
        registered(27, 30);

        assertTransition(sweep(), "active", "review-due", null);
        assertThat(realm.client("crm").path("enabled").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("given a lapsed review within grace-days then the status becomes grace")
    void grace() {
        realm.requirePolicy("{\"grace-days\":5}");
        registered(31, 30);

        assertTransition(sweep(), "active", "grace", null);
    }

    @Test
    @DisplayName("given a lapsed review then attest restores access and earlier tokens stay inactive")
    void attestRestores() throws InterruptedException {
        registered(29, 30);
        String before = brokeredToken();
        registered(31, 30);
        assertTransition(sweep(), "active", "suspended", "review-lapsed");

        JsonResponse attested = server.admin().post(realm.adminPath("/integrations/crm/attest"), "{\"note\":\"reviewed late\"}");

        assertThat(attested.status()).as(attested.toString()).isEqualTo(200);
        assertThat(attested.json().path("status").asText()).isEqualTo("active");
        assertThat(realm.client("crm").path("enabled").asBoolean()).isTrue();
        Thread.sleep(1100);
        assertThat(introspect(brokeredToken())).isTrue();
        assertThat(introspect(before)).as("a token from before the suspension").isFalse();
    }

    @Test
    @DisplayName("given no issuance for dormant-after-days then the sweep suspends as dormant")
    void dormant() {
        realm.requirePolicy("{\"dormant-after-days\":90}");
        registered(100, 365);

        List<JsonNode> transitions = sweep();

        assertThat(transitions).filteredOn(t -> t.path("clientId").asText().equals("crm"))
                .singleElement().satisfies(t -> assertThat(t.path("reason").asText()).isEqualTo("dormant"));
    }

    @Test
    @DisplayName("given a disabled owner and orphan-grace-days 0 then the sweep suspends for owner-missing")
    void ownerMissing() {
        realm.requirePolicy("{\"orphan-grace-days\":0}");
        server.admin().put(realm.adminPath("/users/" + realm.userId("alice")), Map.of("enabled", false));

        List<JsonNode> transitions = sweep();

        assertThat(transitions).extracting(t -> t.path("reason").asText()).containsOnly("owner-missing");
        assertThat(transitions).extracting(t -> t.path("clientId").asText()).contains("crm", "crm-reports", "ci-deployer");
    }

    @Test
    @DisplayName("given an owner deleted then the orphan-grace clock starts at once, without a sweep")
    void ownerDeletedStartsClock() {
        server.admin().delete(realm.adminPath("/users/" + realm.userId("bob")));

        String since = realm.client("crm").path("attributes").path("integration.owner-invalid-since").asText(null);

        assertThat(since).isNotNull();
        assertThat(Instant.parse(since)).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    @DisplayName("given an owner disabled through the admin API then the orphan-grace clock starts at once, without a token request or sweep")
    void ownerDisabledStartsClock() {
        assertThat(realm.client("crm").path("attributes").has("integration.owner-invalid-since")).isFalse();

        JsonResponse disabled = server.admin().put(realm.adminPath("/users/" + realm.userId("bob")), Map.of("enabled", false));

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);
        String since = realm.client("crm").path("attributes").path("integration.owner-invalid-since").asText(null);
        assertThat(since).isNotNull();
        assertThat(Instant.parse(since)).isAfter(Instant.now().minusSeconds(60));
        assertThat(realm.client("crm-reports").path("attributes").has("integration.owner-invalid-since"))
                .as("bob is crm-reports' business owner").isTrue();
    }

    @Test
    @DisplayName("given an owner's profile edited and still enabled then no clock starts")
    void ownerEditedNoClock() {
        JsonResponse edited = server.admin().put(realm.adminPath("/users/" + realm.userId("bob")), Map.of("firstName", "Robert"));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(204);
        assertThat(realm.client("crm").path("attributes").has("integration.owner-invalid-since")).isFalse();
    }

    @Test
    @DisplayName("given a disabled owner then the next token request starts the clock, and re-enabling stops it")
    void ownerDisabledClock() {
        String bob = realm.userId("bob");
        server.admin().put(realm.adminPath("/users/" + bob), Map.of("enabled", false));

        assertThat(realm.oauth().clientCredentials("crm", "crm-secret", null).status()).as("within orphan-grace-days").isEqualTo(200);
        assertThat(realm.client("crm").path("attributes").has("integration.owner-invalid-since")).isTrue();

        server.admin().put(realm.adminPath("/users/" + bob), Map.of("enabled", true));
        assertThat(realm.oauth().clientCredentials("crm", "crm-secret", null).status()).isEqualTo(200);
        assertThat(realm.client("crm").path("attributes").has("integration.owner-invalid-since")).isFalse();
    }

    @Test
    @DisplayName("given an expiry that passed then the sweep suspends as expired")
    void expired() throws InterruptedException {
        Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        realm.requireClientAttributes("crm", Map.of("integration.expires-at", soon.toString()));
        Thread.sleep(java.time.Duration.between(Instant.now(), soon).toMillis() + 300);

        assertTransition(sweep(), "active", "suspended", "expired");
    }

    @Test
    @DisplayName("given a suspension older than retire-after-days then retired, and deleted when the policy says so")
    void retireAndDelete() {
        realm.requirePolicy("{\"retire-after-days\":30}");
        Map<String, String> attributes = new HashMap<>();
        attributes.put("integration.status", "suspended");
        attributes.put("integration.suspended-reason", "manual");
        attributes.put("integration.suspended-at", ago(31));
        realm.restoreClient("crm", attributes);

        assertTransition(sweep(), "suspended", "retired", null);
        realm.requirePolicy("{\"delete-retired\":true}");
        assertTransition(sweep(), "retired", "deleted", null);
        assertThat(server.admin().getOk(realm.adminPath("/clients?clientId=crm"))).isEmpty();
    }

    @Test
    @DisplayName("given monitor mode then transitions are reported as would-... and nothing changes")
    void monitor() {
        realm.requirePolicy("{\"mode\":\"monitor\"}");
        registered(31, 30);

        assertTransition(sweep(), "active", "would-suspended", "review-lapsed");
        assertThat(realm.client("crm").path("enabled").asBoolean()).isTrue();
        assertThat(realm.client("crm").path("attributes").path("integration.status").asText()).isEqualTo("active");
    }

    @Test
    @DisplayName("given mode off then the sweep does nothing")
    void off() {
        registered(31, 30);
        realm.requirePolicy("{\"mode\":\"off\"}");

        assertThat(sweep()).isEmpty();
    }

    @Test
    @DisplayName("given an integration written while the policy was off then, switched on, the gate refuses it at once and the sweep adopts and suspends it")
    void writtenWhileOff() {
        realm.requirePolicy("{\"mode\":\"off\"}");
        Map<String, String> unstamped = new HashMap<>();
        unstamped.put("integration.registered-at", ago(31));
        unstamped.put("integration.review-interval-days", "30");
        unstamped.put("integration.next-review", null);
        unstamped.put("integration.status", null);
        realm.restoreClient("crm", unstamped);
        JsonNode attributes = realm.client("crm").path("attributes");
        assertThat(attributes.has("integration.next-review")).as("nothing is stamped while the policy is off").isFalse();
        Instant lapsed = Instant.parse(attributes.path("integration.registered-at").asText()).plus(30, ChronoUnit.DAYS);

        realm.requirePolicy("{\"mode\":\"enforce\",\"dormant-after-days\":0}");

        ErrorAnswers.assertError(realm.oauth().clientCredentials("crm", "crm-secret", null), 400, "unauthorized_client",
                "review lapsed on " + DateTimeFormatter.ISO_LOCAL_DATE.format(lapsed.atOffset(ZoneOffset.UTC)));
        assertTransition(sweep(), "active", "suspended", "review-lapsed");
        JsonNode adopted = realm.client("crm");
        assertThat(adopted.path("enabled").asBoolean()).isFalse();
        assertThat(adopted.path("attributes").path("integration.next-review").asText()).isEqualTo(lapsed.toString());
        assertThat(sweep()).isEmpty();
    }

    @Test
    @DisplayName("given a transition then an admin event records it")
    void adminEvent() {
        registered(31, 30);
        sweep();

        JsonNode events = server.admin().getOk(realm.adminPath("/admin-events?max=50"));
        List<String> representations = new ArrayList<>();
        events.forEach(e -> representations.add(e.path("representation").asText()));
        assertThat(representations).anySatisfy(r -> assertThat(r)
                .contains("\"action\":\"lifecycle\"").contains("\"to\":\"suspended\"").contains("\"reason\":\"review-lapsed\""));
    }

    @Test
    @DisplayName("given a caller with manage-clients but not manage-realm then the sweep is forbidden")
    void requiresManageRealm() {
        JsonResponse response = server.admin().as(realm.name(), "manager", "manager-pw").send("POST", realm.adminPath("/integrations/sweep"), "{}", Map.of());

        assertThat(response.status()).isEqualTo(403);
    }

    private String brokeredToken() {
        return realm.brokeredToken("crm", "crm-secret", "orders-api", "orders.read");
    }

    private boolean introspect(String token) {
        return realm.oauth().introspect(token, "orders-api", "orders-api-secret").json().path("active").asBoolean();
    }
}
