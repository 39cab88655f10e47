package dev.integrationbroker.lifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Caller input quoted in messages: printable ASCII, at most 64 characters. */
class EchoTest {

    @Nested
    class Length {

        @Test
        @DisplayName("given exactly 64 characters then they are echoed whole")
        void atMax() {
            String input = "a".repeat(64);

            assertThat(Echo.of(input)).isEqualTo(input);
        }

        @Test
        @DisplayName("given 65 characters then the first 64 are echoed followed by ...")
        void aboveMax() {
            assertThat(Echo.of("a".repeat(64) + "b")).isEqualTo("a".repeat(64) + "...");
        }

        @Test
        @DisplayName("given null then the echo is empty")
        void nullInput() {
            assertThat(Echo.of(null)).isEmpty();
        }
    }

    @Nested
    class Characters {

        @Test
        @DisplayName("given control characters then each becomes ?")
        void control() {
            assertThat(Echo.of("a\tb\nc\rd\u0000e\u007f")).isEqualTo("a?b?c?d?e?");
        }

        @Test
        @DisplayName("given double quote, single quote and backslash then each becomes ?")
        void quotes() {
            assertThat(Echo.of("\"x'y\\z")).isEqualTo("?x?y?z");
        }

        @Test
        @DisplayName("given non-ASCII letters then each UTF-16 unit becomes ?")
        void nonAscii() {
            assertThat(Echo.of("caf\u00e9 \uD83D\uDE00")).isEqualTo("caf? ??");
        }

        @Test
        @DisplayName("given printable ASCII punctuation then it is kept")
        void printable() {
            assertThat(Echo.of("a-b_c.d:e/f@g ~!")).isEqualTo("a-b_c.d:e/f@g ~!");
        }

        @Test
        @DisplayName("given a long value with a control character past the cut then only the kept part is sanitised")
        void sanitiseAfterCut() {
            assertThat(Echo.of("'" + "x".repeat(70) + "\n")).isEqualTo("?" + "x".repeat(63) + "...");
        }
    }
}
