package dev.integrationbroker.audit.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.AttributeChange;
import dev.integrationbroker.lifecycle.model.IntegrationAttributes;

/**
 * {@code details.changes}: the members that differ between the last audited metadata and the current one, in name
 * order. For clients the compared metadata is the administrator-written integration attributes
 * ({@link IntegrationAttributes#ADMIN}); system attributes (status, last-used, ...) change on their own and have their
 * own records.
 */
final class MetadataDiff {

    /** Reason on a change record whose old values are not known. */
    static final String UNKNOWN_BEFORE = "no earlier snapshot of this metadata: old values unknown";

    private MetadataDiff() {
    }

    /** The administrator-written integration attributes present on a client, as a JSON object. */
    static ObjectNode adminAttributes(Map<String, String> attributes) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (String name : IntegrationAttributes.ADMIN) {
            String value = attributes == null ? null : attributes.get(name);
            if (value != null) {
                json.put(name, value);
            }
        }
        return json;
    }

    /** The snapshot back as attributes (text values only). */
    static Map<String, String> toAttributes(ObjectNode json) {
        Map<String, String> attributes = new LinkedHashMap<>();
        json.properties().forEach(field -> {
            if (field.getValue().isTextual()) {
                attributes.put(field.getKey(), field.getValue().textValue());
            }
        });
        return attributes;
    }

    /**
     * The changes from {@code before} to {@code after}.
     *
     * @param before the earlier metadata, or null when unknown: then every present member is listed with old null
     */
    static Map<String, AttributeChange> diff(ObjectNode before, ObjectNode after) {
        TreeSet<String> names = new TreeSet<>();
        after.fieldNames().forEachRemaining(names::add);
        if (before != null) {
            before.fieldNames().forEachRemaining(names::add);
        }
        Map<String, AttributeChange> changes = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode oldValue = before == null ? null : present(before.get(name));
            JsonNode newValue = present(after.get(name));
            if (before == null ? newValue != null : !Objects.equals(oldValue, newValue)) {
                changes.put(name, new AttributeChange(oldValue, newValue));
            }
        }
        return changes;
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }
}
