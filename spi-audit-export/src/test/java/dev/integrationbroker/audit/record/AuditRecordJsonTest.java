package dev.integrationbroker.audit.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.testing.Records;

class AuditRecordJsonTest {

    @Test
    @DisplayName("given a record then every SPEC §5 top-level field is present, in order, with time in RFC 3339 milliseconds")
    void fields() {
        ObjectNode json = AuditRecordJson.toJson(Records.issued("e-1", Instant.parse("2026-03-01T10:00:00.25Z")));

        assertThat(json.fieldNames()).toIterable().containsExactlyElementsOf(AuditRecordJson.FIELDS);
        assertThat(json.get("time").asText()).isEqualTo("2026-03-01T10:00:00.250Z");
        assertThat(json.get("outcome").asText()).isEqualTo("success");
        assertThat(json.get("integration").fieldNames()).toIterable()
                .containsExactly("businessOwner", "technicalOwner", "purpose", "vendor", "status", "nextReview");
    }

    @Test
    @DisplayName("given whole seconds then time still carries three fraction digits")
    void wholeSeconds() {
        assertThat(RecordTime.format(Instant.parse("2026-03-01T10:00:00Z"))).isEqualTo("2026-03-01T10:00:00.000Z");
    }

    @Test
    @DisplayName("given an unregistered client then integration is null, and unset details are left out")
    void sparse() {
        AuditRecord record = new AuditRecord("e-2", Instant.EPOCH, "r", RecordTypes.TOKEN_REFUSED, Outcome.FAILURE, "svc", null, "svc", null,
                AuditDetails.builder().error("unauthorized_client").build());

        ObjectNode json = AuditRecordJson.toJson(record);

        assertThat(json.get("integration").isNull()).isTrue();
        assertThat(json.get("ip").isNull()).isTrue();
        assertThat(json.get("details").toString()).isEqualTo("{\"error\":\"unauthorized_client\"}");
    }

    @Test
    @DisplayName("given changes then details.changes maps each attribute to old and new, absent as null")
    void changes() {
        AuditRecord record = new AuditRecord("e-3", Instant.EPOCH, "r", RecordTypes.INTEGRATION_CHANGED, Outcome.SUCCESS, "crm", Records.CRM,
                "admin", "10.0.0.1", AuditDetails.builder().changes(Map.of("integration.vendor", AttributeChange.ofText(null, "acme")))
                        .audience(List.of()).build());

        assertThat(AuditRecordJson.toJson(record).get("details").toString())
                .isEqualTo("{\"changes\":{\"integration.vendor\":{\"old\":null,\"new\":\"acme\"}}}");
    }
}
