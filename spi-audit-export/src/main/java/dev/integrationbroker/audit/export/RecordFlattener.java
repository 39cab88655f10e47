package dev.integrationbroker.audit.export;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.Json;

/**
 * A record as one flat row: nested objects become dotted names ({@code integration.businessOwner},
 * {@code details.scopeGranted}); arrays stay arrays (a CSV cell joins them with spaces); {@code details.changes} stays
 * one cell of compact JSON, since its keys (attribute names) contain dots themselves.
 */
public final class RecordFlattener {

    /** The CSV columns, in order: every field a record can have. */
    public static final List<String> COLUMNS = List.of("id", "time", "realm", "type", "outcome", "clientId",
            "integration.businessOwner", "integration.technicalOwner", "integration.purpose", "integration.vendor",
            "integration.status", "integration.nextReview", "actor", "ip",
            "details.grantType", "details.audience", "details.scopeRequested", "details.scopeGranted", "details.ttl",
            "details.jtiSha256", "details.parentJtiSha256", "details.reason", "details.error", "details.note", "details.changes",
            "seq", "prevHash", "hash");

    private static final String KEPT_WHOLE = "details.changes";

    private RecordFlattener() {
    }

    public static ObjectNode flatten(JsonNode record) {
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        flatten("", record, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, ObjectNode flat) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (name.equals(KEPT_WHOLE)) {
                flat.put(name, Json.write(value));
            } else if (value.isObject()) {
                flatten(name + ".", value, flat);
            } else {
                flat.set(name, value);
            }
        }
    }
}
