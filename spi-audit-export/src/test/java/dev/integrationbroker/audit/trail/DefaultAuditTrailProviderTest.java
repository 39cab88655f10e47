package dev.integrationbroker.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.chain.ChainHasher;
import dev.integrationbroker.audit.chain.ChainHead;
import dev.integrationbroker.audit.outbox.OutboxRecord;
import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.AuditRecordJson;
import dev.integrationbroker.audit.record.Json;
import dev.integrationbroker.audit.record.Outcome;
import dev.integrationbroker.lifecycle.audit.AuditEntry;
import dev.integrationbroker.lifecycle.audit.AuditExportFormat;
import dev.integrationbroker.lifecycle.audit.AuditQuery;
import dev.integrationbroker.lifecycle.audit.AuditVerification;
import dev.integrationbroker.audit.testing.FakeKeycloak;
import dev.integrationbroker.audit.testing.InMemoryOutbox;
import dev.integrationbroker.audit.testing.Metadata;
import dev.integrationbroker.audit.testing.Records;

class DefaultAuditTrailProviderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private FakeKeycloak keycloak;
    private InMemoryOutbox outbox;
    private List<AuditRecord> appended;
    private DefaultAuditTrailProvider trail;

    @BeforeEach
    void setUp() {
        keycloak = new FakeKeycloak();
        outbox = new InMemoryOutbox();
        appended = new ArrayList<>();
        trail = new DefaultAuditTrailProvider(keycloak.session, outbox, (session, realmId, record) -> appended.add(record),
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** Stores {@code count} chained records: every third is a refusal by client "other". */
    private void chain(int count) {
        ChainHead head = ChainHead.EMPTY;
        for (int i = 1; i <= count; i++) {
            boolean refused = i % 3 == 0;
            AuditRecord record = new AuditRecord("id-" + i, T0.plusSeconds(i), FakeKeycloak.REALM_NAME,
                    refused ? "token.refused" : "token.issued", refused ? Outcome.FAILURE : Outcome.SUCCESS, refused ? "other" : "crm-sync",
                    Records.CRM, "crm-sync", null, null);
            ObjectNode json = AuditRecordJson.toJson(record);
            head = ChainHasher.link(json, head);
            outbox.append(new OutboxRecord(record.id(), FakeKeycloak.REALM_ID, null, record.time().toEpochMilli(), record.type(),
                    record.outcome().wire(), record.clientId(), Json.write(json)));
            outbox.chained(record.id(), head.seq(), Json.write(json));
        }
        outbox.saveHead(FakeKeycloak.REALM_ID, head);
    }

    private List<JsonNode> stream(AuditQuery query) {
        List<JsonNode> records = new ArrayList<>();
        trail.stream(keycloak.realm, query, records::add);
        return records;
    }

    @Nested
    class Recording {

        @Test
        @DisplayName("given a lifecycle transition then a record with the integration block, the status change and actor system is appended")
        void transition() {
            var client = keycloak.client("c-1", "crm-sync", Metadata.crm());

            trail.record(keycloak.realm, client, AuditEntry.transition("grace", "suspended", "review-lapsed", true));

            ObjectNode json = AuditRecordJson.toJson(appended.get(0));
            assertThat(json.get("type").asText()).isEqualTo("lifecycle.transition");
            assertThat(json.get("realm").asText()).isEqualTo(FakeKeycloak.REALM_NAME);
            assertThat(json.get("actor").asText()).isEqualTo("system");
            assertThat(json.get("time").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
            assertThat(json.at("/integration/businessOwner").asText()).isEqualTo("alice");
            assertThat(json.at("/details/reason").asText()).isEqualTo("review-lapsed");
            assertThat(json.at("/details/changes").toString())
                    .isEqualTo("{\"integration.status\":{\"old\":\"grace\",\"new\":\"suspended\"}}");
        }

        @Test
        @DisplayName("given a reminder then the note is kept; given no listener then nothing is appended")
        void reminderAndDisabled() {
            var client = keycloak.client("c-1", "crm-sync", Metadata.crm());

            trail.record(keycloak.realm, client, AuditEntry.success("reminder.sent", "system").withNote("14 days before review"));
            new DefaultAuditTrailProvider(keycloak.session, outbox, null, Clock.systemUTC())
                    .record(keycloak.realm, client, AuditEntry.success("reminder.sent", "system"));

            assertThat(appended).hasSize(1);
            assertThat(appended.get(0).details().note()).isEqualTo("14 days before review");
        }
    }

    @Nested
    class Querying {

        @Test
        @DisplayName("given more records than a page then the stream returns all, in seq order")
        void pages() {
            chain(DefaultAuditTrailProvider.PAGE * 2 + 7);

            List<JsonNode> records = stream(AuditQuery.all());

            assertThat(records).hasSize(DefaultAuditTrailProvider.PAGE * 2 + 7);
            assertThat(records).extracting(r -> r.get("seq").asLong()).isSorted();
        }

        @Test
        @DisplayName("given filters and a limit then only matching records are returned, at most the limit")
        void filters() {
            chain(30);

            assertThat(stream(new AuditQuery(null, null, null, null, "failure", 0, 0))).hasSize(10)
                    .allSatisfy(r -> assertThat(r.get("clientId").asText()).isEqualTo("other"));
            assertThat(stream(new AuditQuery(T0.plusSeconds(5), T0.plusSeconds(10), "crm-sync", "token.issued", null, 0, 0)))
                    .extracting(r -> r.get("id").asText()).containsExactly("id-5", "id-7", "id-8");
            assertThat(stream(new AuditQuery(null, null, null, null, null, 20, 3))).extracting(r -> r.get("seq").asLong())
                    .containsExactly(21L, 22L, 23L);
        }

        @Test
        @DisplayName("given CSV export then a header row and one row per record")
        void csv() throws Exception {
            chain(4);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            trail.export(keycloak.realm, AuditQuery.all(), AuditExportFormat.CSV, out);

            String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
            assertThat(lines).hasSize(5);
            assertThat(lines[0]).startsWith("id,time,realm,type,outcome,clientId,integration.businessOwner");
        }
    }

    @Nested
    class Verifying {

        @Test
        @DisplayName("given an untouched trail then it verifies intact")
        void intact() {
            chain(12);

            assertThat(trail.verify(keycloak.realm)).isEqualTo(new AuditVerification(true, 12, null));
        }

        @Test
        @DisplayName("given a stored record edited in the database then verification reports its seq")
        void edited() {
            chain(12);
            String body = outbox.chainSlice(FakeKeycloak.REALM_ID, 6, 7, 1).get(0).body();
            outbox.tamper("id-7", body.replace("crm-sync", "evil-app"));

            assertThat(trail.verify(keycloak.realm)).isEqualTo(new AuditVerification(false, 12, 7L));
        }

        @Test
        @DisplayName("given a record deleted from the database, or the newest one, then verification reports the gap")
        void deleted() {
            chain(12);
            outbox.delete("id-4");
            assertThat(trail.verify(keycloak.realm)).isEqualTo(new AuditVerification(false, 11, 4L));

            setUp();
            chain(12);
            outbox.delete("id-12");
            assertThat(trail.verify(keycloak.realm)).isEqualTo(new AuditVerification(false, 11, 12L));
        }

        @Test
        @DisplayName("given a body that no longer parses then the chain breaks there")
        void garbage() {
            chain(3);
            outbox.tamper("id-2", "not json");

            assertThat(trail.verify(keycloak.realm)).isEqualTo(new AuditVerification(false, 3, 2L));
            assertThat(stream(AuditQuery.all()).get(1).get("unreadable").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("given records chained after the head was read then they are left for the next verification")
        void concurrentChaining() {
            chain(5);
            ChainHead head = outbox.head(FakeKeycloak.REALM_ID);
            outbox.saveHead(FakeKeycloak.REALM_ID, new ChainHead(4, Json.parseObject(
                    outbox.chainSlice(FakeKeycloak.REALM_ID, 3, 4, 1).get(0).body()).get("hash").asText()));

            assertThat(trail.verify(keycloak.realm)).isEqualTo(new AuditVerification(true, 4, null));
            assertThat(head.seq()).isEqualTo(5);
        }
    }
}
