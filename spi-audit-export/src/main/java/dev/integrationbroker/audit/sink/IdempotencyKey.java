package dev.integrationbroker.audit.sink;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.integrationbroker.audit.record.JtiDigest;

/**
 * {@code Idempotency-Key} of a webhook batch: lowercase hex SHA-256 of its record ids joined with newlines, so a
 * retried batch of the same records carries the same key.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKey() {
    }

    public static String of(List<String> recordIds) {
        return JtiDigest.sha256Hex(String.join("\n", recordIds).getBytes(StandardCharsets.UTF_8));
    }
}
