package dev.integrationbroker.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.integrationbroker.audit.record.Json;

class FileSinkTest {

    @TempDir
    Path root;

    private static SinkRecord record(String id, String realm, String time) {
        return new SinkRecord(id, realm, Instant.parse(time), Json.parseObject("{\"id\":\"" + id + "\"}"));
    }

    @Nested
    class Layout {

        @Test
        @DisplayName("given a realm and a time then the file is <root>/<realm>/<yyyy-MM-dd>.jsonl, the day in UTC")
        void path() {
            assertThat(FileLayout.file(Path.of("/var/audit"), "acme-corp", Instant.parse("2026-03-01T23:59:59.999Z")))
                    .isEqualTo(Path.of("/var/audit/acme-corp/2026-03-01.jsonl"));
            assertThat(FileLayout.file(Path.of("/var/audit"), "acme-corp", Instant.parse("2026-03-02T00:00:00Z")))
                    .isEqualTo(Path.of("/var/audit/acme-corp/2026-03-02.jsonl"));
        }

        @Test
        @DisplayName("given a realm name with separators, dots or non-ASCII then it stays one safe path segment")
        void safeSegment() {
            assertThat(FileLayout.realmSegment("a/b")).isEqualTo("a%2Fb");
            assertThat(FileLayout.realmSegment("..")).isEqualTo("%2E%2E");
            assertThat(FileLayout.realmSegment("r\u00e9alm")).isEqualTo("r%C3%A9alm");
            assertThat(FileLayout.realmSegment("my_realm-1.x")).isEqualTo("my_realm-1.x");
        }
    }

    @Nested
    class Appending {

        @Test
        @DisplayName("given a batch across realms and days then each record is one line in its realm's file of its day")
        void splits() throws Exception {
            new FileSink(root).deliver(List.of(record("1", "a", "2026-03-01T10:00:00Z"), record("2", "a", "2026-03-02T10:00:00Z"),
                    record("3", "b", "2026-03-01T11:00:00Z"), record("4", "a", "2026-03-01T12:00:00Z")));

            assertThat(Files.readAllLines(root.resolve("a/2026-03-01.jsonl"))).containsExactly("{\"id\":\"1\"}", "{\"id\":\"4\"}");
            assertThat(Files.readAllLines(root.resolve("a/2026-03-02.jsonl"))).containsExactly("{\"id\":\"2\"}");
            assertThat(Files.readAllLines(root.resolve("b/2026-03-01.jsonl"))).containsExactly("{\"id\":\"3\"}");
        }

        @Test
        @DisplayName("given two batches then the second is appended after the first")
        void appends() throws Exception {
            FileSink sink = new FileSink(root);
            sink.deliver(List.of(record("1", "a", "2026-03-01T10:00:00Z")));
            sink.deliver(List.of(record("2", "a", "2026-03-01T10:00:01Z")));

            assertThat(Files.readAllLines(root.resolve("a/2026-03-01.jsonl"))).containsExactly("{\"id\":\"1\"}", "{\"id\":\"2\"}");
        }

        @Test
        @DisplayName("given a line torn by a crash then the next batch starts on a new line")
        void tornLine() throws Exception {
            Path file = root.resolve("a/2026-03-01.jsonl");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{\"id\":\"1\"}\n{\"id\":\"tor", StandardCharsets.UTF_8);

            new FileSink(root).deliver(List.of(record("2", "a", "2026-03-01T10:00:00Z")));

            assertThat(Files.readAllLines(file)).containsExactly("{\"id\":\"1\"}", "{\"id\":\"tor", "{\"id\":\"2\"}");
        }

        @Test
        @DisplayName("given a root that cannot be written then delivery fails naming the file")
        void unwritable() throws IOException {
            Path blocker = root.resolve("blocker");
            Files.writeString(blocker, "not a directory");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FileSink(blocker).deliver(List.of(record("1", "a", "2026-03-01T10:00:00Z"))))
                    .isInstanceOf(SinkException.class).hasMessageContaining("2026-03-01.jsonl");
        }
    }
}
