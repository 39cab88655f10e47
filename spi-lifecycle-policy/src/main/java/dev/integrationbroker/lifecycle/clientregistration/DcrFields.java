package dev.integrationbroker.lifecycle.clientregistration;

import dev.integrationbroker.lifecycle.model.Echo;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.lifecycle.model.IntegrationAttributes;

/**
 * SPEC §1 metadata as RFC 7591 client metadata: {@code integration_business_owner} is the attribute
 * {@code integration.business-owner}, and so on for every administrator-written attribute.
 */
public final class DcrFields {

    public static final String PREFIX = "integration_";

    private DcrFields() {
    }

    /** The DCR field name of an attribute, e.g. {@code integration_max_token_ttl}. */
    public static String fieldName(String attribute) {
        return attribute.replace('.', '_').replace('-', '_');
    }

    /**
     * Removes every {@code integration_*} member from the JSON object and returns them as attributes.
     *
     * @throws DcrRefusal for an unknown integration field or a value that is not a string (or number)
     */
    public static Map<String, String> extract(ObjectNode metadata) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (!name.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                continue;
            }
            String attribute = attribute(name);
            if (attribute == null) {
                throw DcrRefusal.invalidMetadata(Echo.of(name) + ": unknown integration field");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                fields.remove();
                continue;
            }
            if (!value.isTextual() && !value.isIntegralNumber()) {
                throw DcrRefusal.invalidMetadata(name + ": must be a string");
            }
            attributes.put(attribute, value.asText());
            fields.remove();
        }
        return attributes;
    }

    /** Adds the integration fields of a client's attributes to a DCR response. */
    public static void write(Map<String, String> clientAttributes, ObjectNode response) {
        for (String attribute : IntegrationAttributes.ADMIN) {
            String value = clientAttributes.get(attribute);
            if (value != null && !value.isBlank()) {
                response.put(fieldName(attribute), value);
            }
        }
    }

    private static String attribute(String field) {
        for (String attribute : IntegrationAttributes.ADMIN) {
            if (fieldName(attribute).equals(field)) {
                return attribute;
            }
        }
        return null;
    }

}
