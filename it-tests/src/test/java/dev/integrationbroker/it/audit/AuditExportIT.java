package dev.integrationbroker.it.audit;

import static dev.integrationbroker.it.harness.Waits.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.it.harness.ErrorAnswers;
import dev.integrationbroker.it.harness.Form;
import dev.integrationbroker.it.harness.JsonResponse;
import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.ServerLog;
import dev.integrationbroker.it.harness.TestRealm;

/** The audit trail as an auditor pulls it: every record type, enrichment, hash chain, formats and access. */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("audit export")
class AuditExportIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> EXPECTED_TYPES = Set.of("token.issued", "token.refused", "integration.changed",
            "integration.attested", "integration.suspended", "integration.reactivated", "integration.tokens-revoked");

    private KeycloakServer server;
    private TestRealm realm;
    private final List<String> tokens = new ArrayList<>();

    @BeforeAll
    void generateActivity(KeycloakServer server) {
        this.server = server;
        this.realm = TestRealm.create(server, "registry");
        JsonResponse issued = realm.oauth().clientCredentials("crm", "crm-secret", null);
        assertThat(issued.status()).isEqualTo(200);
        tokens.add(issued.json().path("access_token").asText());
        JsonResponse refused = realm.oauth().token(Form.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "client_id", "crm", "client_secret", "crm-secret", "subject_token", tokens.get(0),
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token", "audience", "legacy-svc", "scope", "orders.read"));
        assertThat(refused.status()).isEqualTo(400);
        realm.requireClientAttributes("crm", Map.of("integration.purpose", "Synchronise orders and invoices into the CRM"));
        assertThat(action("attest", "{\"note\":\"annual review\"}").status()).isEqualTo(200);
        assertThat(action("suspend", "{\"reason\":\"manual\"}").status()).isEqualTo(200);
        assertThat(action("reactivate", "{}").status()).isEqualTo(200);
        assertThat(action("revoke-tokens", "{}").status()).isEqualTo(200);
        Map<String, String> lapsed = new HashMap<>();
        lapsed.put("integration.registered-at", Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        lapsed.put("integration.review-interval-days", "30");
        realm.restoreClient("crm-reports", lapsed);
        assertThat(server.admin().post(realm.adminPath("/integrations/sweep"), "{}").status()).isEqualTo(200);
        awaitTypes();
    }

    @AfterAll
    void deleteRealm() {
        realm.close();
    }

    private JsonResponse action(String name, String body) {
        return server.admin().post(realm.adminPath("/integrations/crm/" + name), body);
    }

    private JsonNode records(String query) {
        return server.admin().getOk(realm.adminPath("/integrations/audit" + query));
    }

    /** Records are chained by the export's drain after commit; wait (bounded) until they are all there. */
    private void awaitTypes() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (Instant.now().isBefore(deadline)) {
            Set<String> types = new TreeSet<>();
            records("").forEach(r -> types.add(r.path("type").asText()));
            if (types.containsAll(EXPECTED_TYPES) && types.contains("lifecycle.transition")) {
                return;
            }
            sleep(500);
        }
    }

    @Test
    @DisplayName("given issuance, refusal, changes, actions and a sweep then each appears with the integration's owners")
    void everyTypeWithEnrichment() {
        JsonNode crm = records("?clientId=crm");
        Set<String> types = new TreeSet<>();
        crm.forEach(r -> types.add(r.path("type").asText()));

        assertThat(types).containsAll(EXPECTED_TYPES);
        for (String once : List.of("integration.attested", "integration.suspended", "integration.reactivated", "integration.tokens-revoked")) {
            long count = 0;
            for (JsonNode record : crm) {
                count += once.equals(record.path("type").asText()) ? 1 : 0;
            }
            assertThat(count).as("%s records for one action", once).isEqualTo(1);
        }
        JsonNode issued = first(crm, "token.issued");
        assertThat(issued.path("integration").path("businessOwner").asText()).isEqualTo("alice");
        assertThat(issued.path("integration").path("technicalOwner").asText()).isEqualTo("bob");
        assertThat(issued.path("details").path("jtiSha256").asText()).matches("[0-9a-f]{64}");
        JsonNode refused = first(crm, "token.refused");
        assertThat(refused.path("outcome").asText()).isEqualTo("failure");
        assertThat(refused.path("details").path("error").asText()).isEqualTo("invalid_target");
        JsonNode changed = first(crm, "integration.changed");
        assertThat(changed.path("details").path("changes").path("integration.purpose").path("new").asText())
                .isEqualTo("Synchronise orders and invoices into the CRM");
        assertThat(changed.path("actor").asText()).isEqualTo("admin");
        JsonNode transition = first(records("?clientId=crm-reports"), "lifecycle.transition");
        assertThat(transition.path("details").path("reason").asText()).isEqualTo("review-lapsed");
    }

    @Test
    @DisplayName("given the trail then no token, secret or raw jti appears in it or in the server log")
    void noSecrets() {
        String all = records("").toString() + ServerLog.read(server.logFile());

        for (String token : tokens) {
            assertThat(all).doesNotContain(token);
        }
        assertThat(records("").toString()).doesNotContain("crm-secret").doesNotContain("\"jti\"");
    }

    @Test
    @DisplayName("given a change refused and rolled back then it leaves no record")
    void rolledBackChangeLeavesNoRecord() {
        JsonResponse refused = realm.setClientAttributes("crm", Map.of("integration.purpose", "too short"));
        assertThat(refused.status()).isEqualTo(400);
        sleep(6000); // longer than the export's drain interval

        assertThat(records("?clientId=crm").toString()).doesNotContain("too short");
    }

    @Test
    @DisplayName("given the stored chain then verify reports it intact")
    void verifyIntact() {
        JsonNode verdict = server.admin().getOk(realm.adminPath("/integrations/audit/verify"));

        assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("records").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(verdict.path("firstBrokenSeq").isNull()).isTrue();
    }

    @Test
    @DisplayName("given an exported JSON Lines file with one line edited then verify names that record's seq")
    void editedExportIsDetected() throws Exception {
        JsonResponse export = server.admin().get(realm.adminPath("/integrations/audit"), Map.of("Accept", "application/x-ndjson"));
        assertThat(export.status()).isEqualTo(200);
        String[] lines = export.body().split("\n");
        assertThat(lines.length).isGreaterThan(3);

        JsonNode intact = verifyFile(String.join("\n", lines));
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();

        ObjectNode edited = (ObjectNode) MAPPER.readTree(lines[2]);
        edited.put("clientId", "someone-else");
        lines[2] = edited.toString();
        JsonNode broken = verifyFile(String.join("\n", lines));

        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(edited.path("seq").asLong());
    }

    @Test
    @DisplayName("given Accept text/csv then the records are flattened with dotted columns")
    void csv() {
        JsonResponse csv = server.admin().get(realm.adminPath("/integrations/audit?clientId=crm"), Map.of("Accept", "text/csv"));

        assertThat(csv.status()).isEqualTo(200);
        String header = csv.body().split("\r?\n")[0];
        assertThat(header).contains("integration.businessOwner").contains("details.scopeGranted").contains("seq").contains("hash");
    }

    @Test
    @DisplayName("given filters then only matching records are returned, and bad filters name the parameter")
    void filters() {
        records("?outcome=failure").forEach(r -> assertThat(r.path("outcome").asText()).isEqualTo("failure"));
        records("?type=token.issued").forEach(r -> assertThat(r.path("type").asText()).isEqualTo("token.issued"));
        assertThat(records("?from=2099-01-01T00:00:00Z")).isEmpty();
        ErrorAnswers.assertError(server.admin().get(realm.adminPath("/integrations/audit?outcome=maybe")), 400, "invalid_request",
                "outcome: must be success or failure");
        ErrorAnswers.assertError(server.admin().get(realm.adminPath("/integrations/audit?from=yesterday")), 400, "invalid_request",
                "from: must be an RFC 3339 instant such as 2027-01-31T00:00:00Z");
    }

    @Test
    @DisplayName("given an auditor with view-events only then the trail is readable and nothing else is")
    void auditorAccess() {
        var auditor = server.admin().as(realm.name(), "auditor", "auditor-pw");

        assertThat(auditor.send("GET", realm.adminPath("/integrations/audit"), null, Map.of()).status()).isEqualTo(200);
        assertThat(auditor.send("GET", realm.adminPath("/integrations/audit/verify"), null, Map.of()).status()).isEqualTo(200);
        assertThat(auditor.send("GET", realm.adminPath("/integrations"), null, Map.of()).status()).isEqualTo(403);
        assertThat(auditor.send("POST", realm.adminPath("/integrations/crm/attest"), "{}", Map.of()).status()).isEqualTo(403);
        assertThat(server.admin().as(realm.name(), "viewer", "viewer-pw").send("GET", realm.adminPath("/integrations/audit"), null, Map.of())
                .status()).as("view-clients alone does not open the audit trail").isEqualTo(403);
    }

    private JsonNode verifyFile(String jsonLines) {
        JsonResponse response = server.admin().send("POST", realm.adminPath("/integrations/audit/verify"), jsonLines,
                Map.of("Content-Type", "application/x-ndjson"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode first(JsonNode records, String type) {
        for (JsonNode record : records) {
            if (type.equals(record.path("type").asText())) {
                return record;
            }
        }
        throw new AssertionError("no " + type + " record in " + records.size() + " records");
    }
}
