package dev.integrationbroker.it.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import com.nimbusds.jose.jwk.JWKSet;

/** The OAuth endpoints of one realm, called as an integration would call them. */
public final class OAuthClient {

    private final HttpClient http;
    private final URI base;
    private final String realm;

    OAuthClient(HttpClient http, URI base, String realm) {
        this.http = http;
        this.base = base;
        this.realm = realm;
    }

    /** The realm's issuer, e.g. {@code http://127.0.0.1:41234/realms/demo}. */
    public String issuer() {
        return base + "/realms/" + realm;
    }

    /** POST to the token endpoint. */
    public JsonResponse token(Form form) {
        return post("/protocol/openid-connect/token", form);
    }

    /** client_credentials with a client secret (HTTP Basic is not used, so tests control every field). */
    public JsonResponse clientCredentials(String clientId, String secret, String scope) {
        Form form = Form.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret);
        if (scope != null) {
            form.add("scope", scope);
        }
        return token(form);
    }

    /** RFC 7662 introspection, authenticated as the given client. */
    public JsonResponse introspect(String token, String clientId, String secret) {
        return post("/protocol/openid-connect/token/introspect",
                Form.of("token", token, "client_id", clientId, "client_secret", secret));
    }

    /** RFC 7009 revocation, authenticated as the given client. */
    public JsonResponse revoke(String token, String clientId, String secret) {
        return post("/protocol/openid-connect/revoke",
                Form.of("token", token, "client_id", clientId, "client_secret", secret));
    }

    /** RFC 7009 revocation by a public client. */
    public JsonResponse revoke(String token, String publicClientId) {
        return post("/protocol/openid-connect/revoke", Form.of("token", token, "client_id", publicClientId));
    }

    /** The realm's published keys. */
    public JWKSet jwks() {
        JsonResponse response = AdminClient.Http.send(http, HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/certs")).build());
        if (response.status() != 200) {
            throw new AssertionError("JWKS of " + realm + ": " + response);
        }
        try {
            return JWKSet.parse(response.body());
        } catch (java.text.ParseException e) {
            throw new AssertionError("JWKS of " + realm + " does not parse: " + response.body(), e);
        }
    }

    private JsonResponse post(String path, Form form) {
        return AdminClient.Http.send(http, HttpRequest.newBuilder(URI.create(issuer() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.encode()))
                .build());
    }
}
