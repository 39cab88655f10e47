package dev.integrationbroker.audit.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImp0aSI6IjEyMyJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";

    @Test
    @DisplayName("given a JWT inside a reason then it is redacted and the prose kept")
    void jwt() {
        assertThat(SafeText.of("subject token " + JWT + " expired", 200)).isEqualTo("subject token [redacted] expired");
    }

    @Test
    @DisplayName("given a long opaque credential then it is redacted, while a UUID is kept")
    void opaque() {
        String secret = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8";
        String uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";

        assertThat(SafeText.of("secret " + secret + " for " + uuid, 200)).isEqualTo("secret [redacted] for " + uuid);
    }

    @Test
    @DisplayName("given control characters and a long text then they become spaces and the text is cut with an ellipsis")
    void controlAndLength() {
        assertThat(SafeText.of("a\nb\tc", 200)).isEqualTo("a b c");
        assertThat(SafeText.of("x".repeat(10) + " " + "y".repeat(30), 20)).hasSize(20).endsWith("...");
    }

    @Test
    @DisplayName("given null then null")
    void nullStays() {
        assertThat(SafeText.of(null, 10)).isNull();
    }
}
