package dev.integrationbroker.lifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3339 instants as attributes and APIs carry them. */
class Rfc3339Test {

    @Nested
    class Parse {

        @ParameterizedTest
        @CsvSource({
                "2026-11-27T10:00:00Z, 2026-11-27T10:00:00Z",
                "2026-11-27T11:00:00+01:00, 2026-11-27T10:00:00Z",
                "2026-11-27T05:30:00-04:30, 2026-11-27T10:00:00Z",
                "2026-11-27T10:00:00.250Z, 2026-11-27T10:00:00.250Z",
                "2026-11-28T00:00:00+14:00, 2026-11-27T10:00:00Z"})
        @DisplayName("given an instant with any offset then it is read as the same UTC instant")
        void offsets(String text, String utc) {
            assertThat(Rfc3339.parse(text)).isEqualTo(Instant.parse(utc));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-11-27T10:00:00", "2026-11-27", "27/11/2026 10:00", "2026-02-30T10:00:00Z", ""})
        @DisplayName("given text without an offset or not a date-time then it is refused")
        void refused(String text) {
            assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Nested
    class Format {

        @Test
        @DisplayName("given an instant with a fraction of a second then it is written in UTC truncated to seconds")
        void truncated() {
            assertThat(Rfc3339.format(Instant.parse("2026-11-27T10:00:00.999Z"))).isEqualTo("2026-11-27T10:00:00Z");
        }

        @Test
        @DisplayName("given an instant on a whole minute then the seconds are still written")
        void seconds() {
            assertThat(Rfc3339.format(Instant.parse("2026-11-27T10:00:00Z"))).isEqualTo("2026-11-27T10:00:00Z");
        }

        @Test
        @DisplayName("given a formatted instant then it parses back to the same instant")
        void roundTrip() {
            Instant instant = Instant.parse("2030-01-02T03:04:05Z");

            assertThat(Rfc3339.parse(Rfc3339.format(instant))).isEqualTo(instant);
        }
    }

    @Nested
    class Day {

        @Test
        @DisplayName("given an instant then its UTC calendar day is written YYYY-MM-DD")
        void utcDay() {
            assertThat(Rfc3339.day(Instant.parse("2026-03-05T10:00:00Z"))).isEqualTo("2026-03-05");
        }

        @Test
        @DisplayName("given late evening west of UTC then the day is the next UTC day")
        void nextUtcDay() {
            assertThat(Rfc3339.day(Rfc3339.parse("2026-11-27T23:30:00-05:00"))).isEqualTo("2026-11-28");
        }
    }
}
