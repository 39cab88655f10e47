package dev.integrationbroker.it.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The running server as tests see it: its URL, an admin REST client, an OAuth client and its log.
 * Closed by JUnit at the end of the run (it lives in the root extension store).
 */
public final class KeycloakServer implements AutoCloseable {

    private final RunningServer running;
    private final HttpClient http;
    private final AdminClient admin;

    KeycloakServer(RunningServer running, HarnessConfig config) {
        this.running = running;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.admin = new AdminClient(http, running.baseUri(), config.adminUser(), config.adminPassword());
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return running.baseUri();
    }

    /** Admin REST client logged in as the bootstrap admin of the master realm. */
    public AdminClient admin() {
        return admin;
    }

    /** OAuth endpoints of one realm. */
    public OAuthClient oauth(String realm) {
        return new OAuthClient(http, running.baseUri(), realm);
    }

    /** A plain HTTP client (no redirects followed). */
    public HttpClient http() {
        return http;
    }

    /** The captured server log. */
    public Path logFile() {
        return running.logFile();
    }

    /** The server's JVM, where the backend exposes it (not in a container). */
    public java.util.Optional<ProcessHandle> jvm() {
        return running.jvm();
    }

    /** Kills the server without a clean shutdown (cluster failure tests). */
    public void kill() {
        running.kill();
    }

    @Override
    public void close() {
        running.close();
    }
}
