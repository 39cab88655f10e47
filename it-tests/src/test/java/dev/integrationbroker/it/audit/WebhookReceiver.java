package dev.integrationbroker.it.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local webhook receiver on a free loopback port: checks every batch's HMAC signature, records the record ids
 * it accepted, and can be told to fail (HTTP 500) to simulate an outage.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer http;
    private final byte[] secret;
    private volatile boolean failing;
    private volatile boolean hanging;
    private final List<String> receivedIds = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Set<String> badSignatures = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusedBatches = new AtomicInteger();
    private final AtomicInteger missingIdempotencyKeys = new AtomicInteger();
    private final List<JsonNode> records = java.util.Collections.synchronizedList(new ArrayList<>());

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.createContext("/audit", this::handle);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/audit";
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    /** Accepts the connection but answers only after 20 s, past the sink's 15 s request timeout. */
    void hanging(boolean hanging) {
        this.hanging = hanging;
    }

    /** Every accepted record id, duplicates included, in arrival order. */
    List<String> receivedIds() {
        synchronized (receivedIds) {
            return List.copyOf(receivedIds);
        }
    }

    /** Every accepted record as received. */
    List<JsonNode> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    int refusedBatches() {
        return refusedBatches.get();
    }

    Set<String> badSignatures() {
        return Set.copyOf(badSignatures);
    }

    int missingIdempotencyKeys() {
        return missingIdempotencyKeys.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (hanging) {
            refusedBatches.incrementAndGet();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        if (failing) {
            refusedBatches.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        String signature = exchange.getRequestHeaders().getFirst("X-Signature");
        if (!("sha256=" + hmac(body)).equals(signature)) {
            badSignatures.add(String.valueOf(signature));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        if (exchange.getRequestHeaders().getFirst("Idempotency-Key") == null) {
            missingIdempotencyKeys.incrementAndGet();
        }
        JsonNode batch = MAPPER.readTree(body);
        for (JsonNode record : batch.isArray() ? batch : MAPPER.createArrayNode().add(batch)) {
            // json records carry "id"; OCSF events carry it as metadata.uid
            receivedIds.add(record.has("id") ? record.path("id").asText() : record.path("metadata").path("uid").asText());
            records.add(record);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        hanging = false;
        http.stop(0);
    }
}
