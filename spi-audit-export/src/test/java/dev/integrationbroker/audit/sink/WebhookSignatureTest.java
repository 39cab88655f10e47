package dev.integrationbroker.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    @DisplayName("given RFC 4231 test case 2 then the header is sha256= and the known HMAC in lowercase hex")
    void knownVector() {
        String header = WebhookSignature.of("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

        assertThat(header).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    @DisplayName("given bodies differing in one byte (whitespace) then the signatures differ: it is over the exact bytes")
    void exactBytes() {
        byte[] key = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.of(key, "[{\"a\":1}]".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(WebhookSignature.of(key, "[{\"a\": 1}]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("given the same record ids then the idempotency key is the same; another batch gets another key")
    void idempotencyKey() {
        assertThat(IdempotencyKey.of(List.of("a", "b"))).isEqualTo(IdempotencyKey.of(List.of("a", "b"))).matches("[0-9a-f]{64}")
                .isNotEqualTo(IdempotencyKey.of(List.of("a", "b", "c")));
    }
}
