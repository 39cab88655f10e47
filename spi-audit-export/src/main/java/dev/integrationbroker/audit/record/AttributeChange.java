package dev.integrationbroker.audit.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of {@code details.changes}: {@code {"old": value, "new": value}}; null (JSON null) is "absent".
 * Client attributes are strings; realm policy keys keep their JSON types.
 */
public record AttributeChange(JsonNode oldValue, JsonNode newValue) {

    public static AttributeChange ofText(String oldValue, String newValue) {
        return new AttributeChange(text(oldValue), text(newValue));
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("old", oldValue == null ? JsonNodeFactory.instance.nullNode() : oldValue);
        json.set("new", newValue == null ? JsonNodeFactory.instance.nullNode() : newValue);
        return json;
    }

    private static JsonNode text(String value) {
        return value == null ? null : JsonNodeFactory.instance.textNode(value);
    }
}
