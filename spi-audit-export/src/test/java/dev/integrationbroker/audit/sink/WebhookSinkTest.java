package dev.integrationbroker.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import dev.integrationbroker.audit.record.Json;

/** Against a receiver on the loopback interface, as the it-tests do. */
class WebhookSinkTest {

    private static final String SECRET = "test-secret-0123456789";

    private HttpServer server;
    private ExecutorService executor;
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private volatile byte[] received;
    private final AtomicInteger status = new AtomicInteger(204);

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/audit", exchange -> {
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            headers.put("method", exchange.getRequestMethod());
            received = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private WebhookSink sink() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/audit");
        return WebhookSink.create(url, SECRET, url.toString(), executor);
    }

    private static List<SinkRecord> batch() {
        return List.of(
                new SinkRecord("id-1", "acme-corp", Instant.EPOCH, Json.parseObject("{\"id\":\"id-1\",\"purpose\":\"\u00e9t\u00e9\"}")),
                new SinkRecord("id-2", "acme-corp", Instant.EPOCH, Json.parseObject("{\"id\":\"id-2\"}")));
    }

    @Test
    @DisplayName("given a batch then one POST of a JSON array, signed over the exact received bytes, with an idempotency key")
    void delivers() throws Exception {
        sink().deliver(batch());

        assertThat(headers.get("method")).isEqualTo("POST");
        assertThat(headers.get("content-type")).isEqualTo("application/json");
        assertThat(headers.get("x-signature")).isEqualTo(WebhookSignature.of(SECRET.getBytes(StandardCharsets.UTF_8), received));
        assertThat(headers.get("idempotency-key")).isEqualTo(IdempotencyKey.of(List.of("id-1", "id-2")));
        JsonNode body = Json.MAPPER.readTree(received);
        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(2);
        assertThat(body.get(0).get("purpose").asText()).isEqualTo("\u00e9t\u00e9");
    }

    @Test
    @DisplayName("given a receiver answering 503 then delivery fails with the status, for a retry")
    void refused() {
        status.set(503);

        assertThatThrownBy(() -> sink().deliver(batch())).isInstanceOf(SinkException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    @DisplayName("given no receiver then delivery fails, without the secret in the message")
    void unreachable() {
        int port = server.getAddress().getPort();
        server.stop(0);
        URI url = URI.create("http://127.0.0.1:" + port + "/audit");

        assertThatThrownBy(() -> WebhookSink.create(url, SECRET, url.toString(), executor).deliver(batch()))
                .isInstanceOf(SinkException.class).hasMessageContaining("unreachable").message().doesNotContain(SECRET);
    }
}
