package dev.integrationbroker.lifecycle.admin;

import jakarta.ws.rs.core.Response;

import org.keycloak.services.ErrorResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The admin API's error answers: JSON {@code error} and {@code error_description} naming what is wrong. */
final class AdminErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminErrors() {
    }

    static ErrorResponseException badRequest(String description) {
        return new ErrorResponseException("invalid_request", description, Response.Status.BAD_REQUEST);
    }

    static ErrorResponseException conflict(String description) {
        return new ErrorResponseException("conflict", description, Response.Status.CONFLICT);
    }

    static ErrorResponseException notFound(String description) {
        return new ErrorResponseException("not_found", description, Response.Status.NOT_FOUND);
    }

    /** Parses an optional JSON object body; an empty body is an empty object. */
    static JsonNode objectBody(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw badRequest("body: must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw badRequest("body: is not valid JSON");
        }
    }

    /** An optional string field of at most {@code max} characters. */
    static String text(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > max) {
            throw badRequest(field + ": must be a string of at most " + max + " characters");
        }
        return value.asText();
    }
}
