package dev.integrationbroker.it.harness;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer: status, headers and body, with the body parsed as JSON on demand. */
public record JsonResponse(int status, HttpHeaders headers, String body) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The body as JSON; fails the test with the raw body when it is not JSON. */
    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("response (" + status + ") is not JSON: " + body, e);
        }
    }

    /** A header value, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
