package dev.integrationbroker.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.chain.ChainHasher;
import dev.integrationbroker.audit.chain.ChainHead;
import dev.integrationbroker.audit.record.AttributeChange;
import dev.integrationbroker.audit.record.AuditDetails;
import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.AuditRecordJson;
import dev.integrationbroker.audit.record.Outcome;
import dev.integrationbroker.lifecycle.audit.AuditExportFormat;
import dev.integrationbroker.audit.testing.Records;

class AuditExportWriterTest {

    private static ObjectNode record(String id, String note) {
        AuditRecord record = new AuditRecord(id, Instant.parse("2026-03-01T10:00:00Z"), "acme-corp", "integration.changed", Outcome.SUCCESS,
                "crm-sync", Records.CRM, "root-admin", "10.0.0.1", AuditDetails.builder().note(note).audience(List.of("a", "b"))
                        .changes(java.util.Map.of("integration.vendor", AttributeChange.ofText("acme", "globex"))).build());
        ObjectNode json = AuditRecordJson.toJson(record);
        ChainHasher.link(json, ChainHead.EMPTY);
        return json;
    }

    private static String write(AuditExportFormat format, List<ObjectNode> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditExportWriter writer = new AuditExportWriter(format, out);
        writer.start();
        records.forEach(writer);
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class Flattening {

        @Test
        @DisplayName("given a record then nested fields become dotted columns and details.changes one JSON cell")
        void flatten() {
            ObjectNode flat = RecordFlattener.flatten(record("r-1", null));

            assertThat(flat.get("integration.businessOwner").asText()).isEqualTo("alice");
            assertThat(flat.get("details.audience").isArray()).isTrue();
            assertThat(flat.get("details.changes").asText()).isEqualTo("{\"integration.vendor\":{\"old\":\"acme\",\"new\":\"globex\"}}");
            assertThat(RecordFlattener.COLUMNS).containsAll(() -> flat.fieldNames());
        }
    }

    @Nested
    class Formats {

        @Test
        @DisplayName("given CSV then the header is the flattened columns and formulas are neutralised")
        void csv() throws IOException {
            String csv = write(AuditExportFormat.CSV, List.of(record("r-1", "=HYPERLINK(\"http://evil\")")));

            String[] lines = csv.split("\r\n");
            assertThat(lines[0]).isEqualTo(String.join(",", RecordFlattener.COLUMNS));
            assertThat(lines[1]).startsWith("r-1,2026-03-01T10:00:00.000Z,acme-corp,integration.changed,success,crm-sync,alice,bob,")
                    .contains(",a b,").contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        }

        @Test
        @DisplayName("given JSON then one array; given JSON Lines then one record per line")
        void jsonAndLines() throws IOException {
            List<ObjectNode> records = List.of(record("r-1", null), record("r-2", null));

            assertThat(write(AuditExportFormat.JSON, records)).startsWith("[{\"id\":\"r-1\"").contains("},{\"id\":\"r-2\"").endsWith("}]");
            assertThat(write(AuditExportFormat.JSON, List.of())).isEqualTo("[]");
            assertThat(write(AuditExportFormat.NDJSON, records).split("\n")).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{"));
        }

        @Test
        @DisplayName("given media types then each maps to its format, parameters ignored")
        void mediaTypes() {
            assertThat(AuditExportFormat.fromMediaType("text/csv; charset=utf-8")).contains(AuditExportFormat.CSV);
            assertThat(AuditExportFormat.fromMediaType("application/x-ndjson")).contains(AuditExportFormat.NDJSON);
            assertThat(AuditExportFormat.fromMediaType("application/json")).contains(AuditExportFormat.JSON);
            assertThat(AuditExportFormat.fromMediaType("text/html")).isEmpty();
        }
    }
}
