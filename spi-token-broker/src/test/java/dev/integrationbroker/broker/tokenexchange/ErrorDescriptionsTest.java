package dev.integrationbroker.broker.tokenexchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §3.3: error_description is printable ASCII, at most 200 characters, and echoes at most 64 of input. */
class ErrorDescriptionsTest {

    @Nested
    class Echo {

        @Test
        @DisplayName("given input of 64 characters then it is echoed whole")
        void sixtyFourKept() {
            String input = "a".repeat(64);

            assertThat(ErrorDescriptions.echo(input)).isEqualTo(input);
        }

        @Test
        @DisplayName("given input of 65 characters then the first 64 are echoed followed by ...")
        void sixtyFiveCut() {
            assertThat(ErrorDescriptions.echo("b".repeat(65))).isEqualTo("b".repeat(64) + "...");
        }

        @Test
        @DisplayName("given a 10 KB token then at most 67 characters come back")
        void longInputCut() {
            assertThat(ErrorDescriptions.echo("eyJ".repeat(3500))).hasSize(67).endsWith("...");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "say \"hi\"|say ?hi?",
                "C:\\temp|C:?temp",
                "tab\there|tab?here",
                "caf\u00e9|caf?",
                "nul\u0000x|nul?x",
                "del\u007fx|del?x"})
        @DisplayName("given quotes, backslashes, control or non-ASCII characters then each is replaced by ?")
        void replaced(String input, String expected) {
            assertThat(ErrorDescriptions.echo(input)).isEqualTo(expected);
        }

        @Test
        @DisplayName("given a character outside the BMP then each of its UTF-16 halves becomes ?")
        void surrogates() {
            assertThat(ErrorDescriptions.echo("x\uD83D\uDE00")).isEqualTo("x??");
        }

        @Test
        @DisplayName("given null then the echo is empty")
        void nullInput() {
            assertThat(ErrorDescriptions.echo(null)).isEmpty();
        }
    }

    @Nested
    class Sanitise {

        @Test
        @DisplayName("given 200 characters then the description is kept whole")
        void twoHundredKept() {
            String text = "d".repeat(200);

            assertThat(ErrorDescriptions.sanitise(text)).isEqualTo(text);
        }

        @Test
        @DisplayName("given 201 characters then it is cut to 200 ending in ...")
        void twoHundredOneCut() {
            assertThat(ErrorDescriptions.sanitise("d".repeat(201))).isEqualTo("d".repeat(197) + "...");
        }

        @Test
        @DisplayName("given a control character then it is replaced by ?")
        void printable() {
            assertThat(ErrorDescriptions.sanitise("line\r\nbreak \"q\"")).isEqualTo("line??break ?q?");
        }

        @Test
        @DisplayName("given null then the description is empty")
        void nullDescription() {
            assertThat(ErrorDescriptions.sanitise(null)).isEmpty();
        }

        @Test
        @DisplayName("given any input then the result is printable ASCII without quote or backslash")
        void alwaysPrintable() {
            StringBuilder every = new StringBuilder();
            for (char c = 0; c < 0x200; c++) {
                every.append(c);
            }

            assertThat(ErrorDescriptions.sanitise(every.toString())).hasSizeLessThanOrEqualTo(200).matches("[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e]*");
        }
    }
}
