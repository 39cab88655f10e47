package dev.integrationbroker.audit.record;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a record: top-level fields always present (null when unknown), {@code integration} null or
 * complete, {@code details} with only the fields that are set. Field order is for readers; the hash does not
 * depend on it (see {@code CanonicalJson}).
 */
public final class AuditRecordJson {

    /** Top-level fields, in the order written; the chain adds {@code seq}, {@code prevHash}, {@code hash}. */
    public static final List<String> FIELDS = List.of("id", "time", "realm", "type", "outcome", "clientId", "integration",
            "actor", "ip", "details");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AuditRecordJson() {
    }

    public static ObjectNode toJson(AuditRecord record) {
        ObjectNode json = NODES.objectNode();
        json.put("id", record.id());
        json.put("time", RecordTime.format(record.time()));
        json.put("realm", record.realm());
        json.put("type", record.type());
        json.put("outcome", record.outcome().wire());
        json.put("clientId", record.clientId());
        json.set("integration", record.integration() == null ? NODES.nullNode() : integration(record.integration()));
        json.put("actor", record.actor());
        json.put("ip", record.ip());
        json.set("details", details(record.details()));
        return json;
    }

    private static ObjectNode integration(IntegrationView view) {
        ObjectNode json = NODES.objectNode();
        json.put("businessOwner", view.businessOwner());
        json.put("technicalOwner", view.technicalOwner());
        json.put("purpose", view.purpose());
        json.put("vendor", view.vendor());
        json.put("status", view.status());
        json.put("nextReview", view.nextReview());
        return json;
    }

    private static ObjectNode details(AuditDetails details) {
        ObjectNode json = NODES.objectNode();
        putText(json, "grantType", details.grantType());
        putList(json, "audience", details.audience());
        putList(json, "scopeRequested", details.scopeRequested());
        putList(json, "scopeGranted", details.scopeGranted());
        if (details.ttl() != null) {
            json.put("ttl", details.ttl().longValue());
        }
        putText(json, "jtiSha256", details.jtiSha256());
        putText(json, "parentJtiSha256", details.parentJtiSha256());
        putText(json, "reason", details.reason());
        putText(json, "error", details.error());
        putText(json, "note", details.note());
        if (!details.changes().isEmpty()) {
            ObjectNode changes = json.putObject("changes");
            for (Map.Entry<String, AttributeChange> change : details.changes().entrySet()) {
                changes.set(change.getKey(), change.getValue().toJson());
            }
        }
        return json;
    }

    private static void putText(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static void putList(ObjectNode json, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = json.putArray(name);
            values.forEach(array::add);
        }
    }
}
