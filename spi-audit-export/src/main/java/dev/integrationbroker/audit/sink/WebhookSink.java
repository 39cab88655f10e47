package dev.integrationbroker.audit.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.integrationbroker.audit.record.Json;

/**
 * POSTs each batch as one JSON array to the webhook. A 2xx answer delivers the batch; anything else (or no answer
 * within the timeouts) leaves it in the outbox for a retry. Redirects are not followed, so signed records never go
 * to a host that was not configured.
 */
public final class WebhookSink implements AuditSink {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client;
    private final URI url;
    private final byte[] secret;
    private final String description;

    WebhookSink(HttpClient client, URI url, String secret, String description) {
        this.client = client;
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.description = description;
    }

    /**
     * A sink with its own HTTP client running on the given (Keycloak-managed) executor.
     *
     * @param description the URL as it may be shown (without credentials)
     */
    public static WebhookSink create(URI url, String secret, String description, Executor executor) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor).build();
        return new WebhookSink(client, url, secret, description);
    }

    @Override
    public void deliver(List<SinkRecord> batch) throws SinkException {
        byte[] body = body(batch);
        HttpRequest request = request(batch, body);
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new SinkException("webhook " + description + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("webhook delivery interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SinkException("webhook " + description + " answered HTTP " + response.statusCode());
        }
    }

    @Override
    public String describe() {
        return "webhook " + description;
    }

    /** The exact bytes sent and signed. */
    static byte[] body(List<SinkRecord> batch) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(batch.size());
        batch.forEach(record -> array.add(record.document()));
        return Json.bytes(array);
    }

    HttpRequest request(List<SinkRecord> batch, byte[] body) {
        return HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.of(secret, body))
                .header(IdempotencyKey.HEADER, IdempotencyKey.of(batch.stream().map(SinkRecord::id).toList()))
                .header("User-Agent", "integration-broker-audit")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
