package dev.integrationbroker.audit.format;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.RecordTypes;

/**
 * A record as an OCSF 1.3 event. Carries the base attributes every class requires ({@code category_uid},
 * {@code class_uid}, {@code activity_id}, {@code type_uid}, {@code time}, {@code severity_id}, {@code metadata} with
 * {@code version} and {@code product}), {@code status_id}, and the classes' required {@code user} (the integration's
 * account: its client id) plus {@code service} (Authentication needs a service or a destination endpoint: the
 * realm). Severity: Informational for successes, Medium for failures, High for the kill switch. The record itself is
 * kept whole under {@code unmapped}.
 */
public final class OcsfRecordFormat implements RecordFormat {

    static final String OCSF_VERSION = "1.3.0";
    static final String PRODUCT_NAME = "Integration Broker for Keycloak";
    static final String VENDOR_NAME = "Integration Broker";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public JsonNode render(ObjectNode record) {
        OcsfClass ocsf = OcsfClass.of(record);
        boolean success = "success".equals(record.path("outcome").asText());
        ObjectNode event = NODES.objectNode();
        event.put("category_uid", 3);
        event.put("category_name", "Identity & Access Management");
        event.put("class_uid", ocsf.classUid());
        event.put("class_name", ocsf.className());
        event.put("activity_id", ocsf.activityId());
        event.put("activity_name", ocsf.activityName());
        event.put("type_uid", ocsf.typeUid());
        event.put("type_name", ocsf.className() + ": " + ocsf.activityName());
        event.put("time", Instant.parse(record.path("time").asText()).toEpochMilli());
        severity(event, record, success);
        event.put("status_id", success ? 1 : 2);
        event.put("status", success ? "Success" : "Failure");
        JsonNode details = record.path("details");
        putIfText(event, "status_code", details.get("error"));
        putIfText(event, "status_detail", details.get("reason"));
        event.put("message", record.path("type").asText() + (record.hasNonNull("clientId") ? " " + record.get("clientId").asText() : ""));
        event.set("metadata", metadata(record));
        event.set("user", user(record));
        event.set("service", NODES.objectNode().put("name", record.path("realm").asText()).put("uid", record.path("realm").asText()));
        if (record.hasNonNull("actor")) {
            event.set("actor", NODES.objectNode().set("user", NODES.objectNode().put("name", record.get("actor").asText())));
        }
        if (record.hasNonNull("ip")) {
            event.set("src_endpoint", NODES.objectNode().put("ip", record.get("ip").asText()));
        }
        event.set("unmapped", record.deepCopy());
        return event;
    }

    private static void severity(ObjectNode event, JsonNode record, boolean success) {
        if (RecordTypes.INTEGRATION_KILL_SWITCH.equals(record.path("type").asText())) {
            event.put("severity_id", 4).put("severity", "High");
        } else if (success) {
            event.put("severity_id", 1).put("severity", "Informational");
        } else {
            event.put("severity_id", 3).put("severity", "Medium");
        }
    }

    private static ObjectNode metadata(JsonNode record) {
        ObjectNode metadata = NODES.objectNode();
        metadata.put("version", OCSF_VERSION);
        metadata.put("uid", record.path("id").asText());
        if (record.hasNonNull("seq")) {
            metadata.put("sequence", record.get("seq").asLong());
        }
        metadata.put("log_name", "integration-audit");
        metadata.put("original_time", record.path("time").asText());
        metadata.put("tenant_uid", record.path("realm").asText());
        metadata.set("product", NODES.objectNode().put("name", PRODUCT_NAME).put("vendor_name", VENDOR_NAME));
        return metadata;
    }

    /** The account the event is about: the integration's client; a realm-level record names the realm. */
    private static ObjectNode user(JsonNode record) {
        ObjectNode user = NODES.objectNode();
        if (record.hasNonNull("clientId")) {
            String clientId = record.get("clientId").asText();
            user.put("name", clientId).put("uid", clientId).put("type_id", 3).put("type", "System");
        } else {
            user.put("name", record.path("realm").asText()).put("type_id", 99).put("type", "Other");
        }
        return user;
    }

    private static void putIfText(ObjectNode event, String name, JsonNode value) {
        if (value != null && value.isTextual()) {
            event.put(name, value.textValue());
        }
    }
}
