package dev.integrationbroker.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the captured server log for failure reports and for log assertions. */
public final class ServerLog {

    private ServerLog() {
    }

    /** The last {@code lines} lines of the log, or a note that it cannot be read. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(server log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** The log from byte {@code offset} on (what one start of a server wrote to a log it appends to). */
    public static String readFrom(Path log, long offset) {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long start = Math.min(offset, file.length());
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE, file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read server log " + log, e);
        }
    }

    /** The whole log as text. */
    public static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read server log " + log, e);
        }
    }
}
