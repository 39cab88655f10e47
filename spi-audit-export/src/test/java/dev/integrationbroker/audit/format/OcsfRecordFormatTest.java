package dev.integrationbroker.audit.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.chain.ChainHasher;
import dev.integrationbroker.audit.chain.ChainHead;
import dev.integrationbroker.audit.config.FormatKind;
import dev.integrationbroker.audit.record.AttributeChange;
import dev.integrationbroker.audit.record.AuditDetails;
import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.AuditRecordJson;
import dev.integrationbroker.audit.record.Outcome;
import dev.integrationbroker.audit.testing.Records;

class OcsfRecordFormatTest {

    /** Base event attributes OCSF marks required, plus the two classes' required {@code user}. */
    static final List<String> REQUIRED = List.of("category_uid", "class_uid", "activity_id", "type_uid", "time", "severity_id",
            "metadata", "user");

    private static ObjectNode chained(AuditRecord record) {
        ObjectNode json = AuditRecordJson.toJson(record);
        ChainHasher.link(json, ChainHead.EMPTY);
        return json;
    }

    private static AuditRecord record(String type, Outcome outcome, AuditDetails details) {
        return new AuditRecord("id-1", Instant.parse("2026-03-01T10:00:00.123Z"), "acme-corp", type, outcome, "crm-sync", Records.CRM,
                "root-admin", "10.0.0.7", details);
    }

    private static JsonNode render(AuditRecord record) {
        return RecordFormat.of(FormatKind.OCSF).render(chained(record));
    }

    @Nested
    class Authentication {

        @Test
        @DisplayName("given an issued token then it is an Authentication event with every required attribute")
        void issued() {
            JsonNode event = render(Records.issued("id-1", Instant.parse("2026-03-01T10:00:00.123Z")));

            assertThat(REQUIRED).allSatisfy(name -> assertThat(event.has(name)).as(name).isTrue());
            assertThat(event.get("category_uid").asInt()).isEqualTo(3);
            assertThat(event.get("class_uid").asInt()).isEqualTo(3002);
            assertThat(event.get("activity_id").asInt()).isEqualTo(1);
            assertThat(event.get("type_uid").asInt()).isEqualTo(300201);
            assertThat(event.get("time").asLong()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z").toEpochMilli());
            assertThat(event.get("severity_id").asInt()).isEqualTo(1);
            assertThat(event.get("status_id").asInt()).isEqualTo(1);
            assertThat(event.at("/metadata/version").asText()).startsWith("1.");
            assertThat(event.at("/metadata/product/name").asText()).isNotBlank();
            assertThat(event.at("/metadata/product/vendor_name").asText()).isNotBlank();
            assertThat(event.at("/metadata/uid").asText()).isEqualTo("id-1");
            assertThat(event.at("/metadata/sequence").asLong()).isEqualTo(1);
            assertThat(event.at("/user/name").asText()).isEqualTo("crm-sync");
            assertThat(event.at("/service/name").asText()).isEqualTo("acme-corp");
            assertThat(event.at("/src_endpoint/ip").asText()).isEqualTo("10.0.0.7");
        }

        @Test
        @DisplayName("given a refused exchange then status is Failure with the error and reason, activity Service Ticket Request")
        void refused() {
            JsonNode event = render(record("token.refused", Outcome.FAILURE, AuditDetails.builder()
                    .grantType("urn:ietf:params:oauth:grant-type:token-exchange").error("invalid_scope").reason("scope not allowed").build()));

            assertThat(event.get("class_uid").asInt()).isEqualTo(3002);
            assertThat(event.get("activity_id").asInt()).isEqualTo(4);
            assertThat(event.get("type_uid").asInt()).isEqualTo(300204);
            assertThat(event.get("status_id").asInt()).isEqualTo(2);
            assertThat(event.get("status_code").asText()).isEqualTo("invalid_scope");
            assertThat(event.get("status_detail").asText()).isEqualTo("scope not allowed");
            assertThat(event.get("severity_id").asInt()).isEqualTo(3);
        }

        @Test
        @DisplayName("given any record then the original is kept whole under unmapped")
        void unmapped() {
            ObjectNode record = chained(Records.issued("id-1", Instant.parse("2026-03-01T10:00:00Z")));

            assertThat(new OcsfRecordFormat().render(record).get("unmapped")).isEqualTo(record);
        }
    }

    @Nested
    class AccountChange {

        @ParameterizedTest(name = "{0} -> activity {1}")
        @CsvSource({"integration.registered,1", "integration.reactivated,2", "integration.credential-changed,3",
                "integration.suspended,5", "integration.kill-switch,5", "integration.deleted,6", "integration.changed,99",
                "integration.attested,99", "policy.changed,99", "reminder.sent,99"})
        @DisplayName("given a lifecycle or admin record then it is an Account Change with the matching activity")
        void activities(String type, int activity) {
            JsonNode event = render(record(type, Outcome.SUCCESS, AuditDetails.NONE));

            assertThat(REQUIRED).allSatisfy(name -> assertThat(event.has(name)).as(name).isTrue());
            assertThat(event.get("class_uid").asInt()).isEqualTo(3001);
            assertThat(event.get("activity_id").asInt()).isEqualTo(activity);
            assertThat(event.get("type_uid").asInt()).isEqualTo(300100 + activity);
        }

        @Test
        @DisplayName("given a transition to suspended then it is a Disable")
        void transition() {
            JsonNode event = render(record("lifecycle.transition", Outcome.SUCCESS, AuditDetails.builder()
                    .changes(Map.of("integration.status", AttributeChange.ofText("grace", "suspended"))).build()));

            assertThat(event.get("activity_id").asInt()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("given the json format then the record is written as is")
    void json() {
        ObjectNode record = chained(Records.issued("id-1", Instant.EPOCH));

        assertThat(RecordFormat.of(FormatKind.JSON).render(record)).isSameAs(record);
    }
}
