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

    /** Status and body, with token values replaced, so a failing assertion never prints a usable token. */
    @Override
    public String toString() {
        String shown = body == null ? "" : body.replaceAll("\"(access_token|refresh_token|id_token|client_secret|registration_access_token)\"\\s*:\\s*\"[^\"]*\"",
                "\"$1\":\"<redacted>\"");
        return status + " " + (shown.length() > 2000 ? shown.substring(0, 2000) + "..." : shown);
    }
}
