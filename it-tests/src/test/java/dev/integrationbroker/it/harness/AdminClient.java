package dev.integrationbroker.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Admin REST calls with a bearer token obtained by the password grant of {@code admin-cli}; the token is
 * renewed before it expires. {@link #as(String, String, String)} gives a client for another user, for
 * authorization tests.
 */
public final class AdminClient {

    private final HttpClient http;
    private final URI base;
    private final String realm;
    private final String username;
    private final String password;
    private String token;
    private Instant tokenExpiry = Instant.MIN;

    AdminClient(HttpClient http, URI base, String username, String password) {
        this(http, base, "master", username, password);
    }

    private AdminClient(HttpClient http, URI base, String realm, String username, String password) {
        this.http = http;
        this.base = base;
        this.realm = realm;
        this.username = username;
        this.password = password;
    }

    /** A client authenticated as {@code username} of {@code realm} (through that realm's admin-cli). */
    public AdminClient as(String realm, String username, String password) {
        return new AdminClient(http, base, realm, username, password);
    }

    public JsonResponse get(String path) {
        return send("GET", path, null, Map.of());
    }

    public JsonResponse get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public JsonResponse post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public JsonResponse put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public JsonResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** GET that must answer 200; returns the JSON body. */
    public JsonNode getOk(String path) {
        JsonResponse response = get(path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response);
        }
        return response.json();
    }

    /** Sends a request; {@code body} is a JSON string, a Jackson node or any object Jackson can write. */
    public JsonResponse send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token());
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (!headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
        }
        return Http.send(http, request.build());
    }

    /** Sends a request with only the given headers (no admin token), e.g. with another bearer token. */
    public JsonResponse raw(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Http.send(http, request.build());
    }

    /** Sends a request without any credentials. */
    public JsonResponse anonymous(String method, String path) {
        return Http.send(http, HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpiry)) {
            return token;
        }
        JsonResponse response = new OAuthClient(http, base, realm).token(Form.of(
                "grant_type", "password", "client_id", "admin-cli", "username", username, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("cannot log in " + username + "@" + realm + ": " + response);
        }
        JsonNode json = response.json();
        token = json.get("access_token").asText();
        tokenExpiry = Instant.now().plusSeconds(Math.max(1, json.get("expires_in").asLong() - 10));
        return token;
    }

    private static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JsonResponse.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise request body", e);
        }
    }

    /** Shared send with uniform error handling. */
    static final class Http {
        private Http() {
        }

        static JsonResponse send(HttpClient http, HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new JsonResponse(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
