package dev.integrationbroker.audit.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.integrationbroker.audit.record.Json;

/**
 * JSON Lines files, one per realm and UTC day ({@link FileLayout}). Each batch is appended and forced to disk
 * ({@code fsync}) before it counts as delivered; a line torn by a crash is closed with a newline before the next
 * append, so one bad line never swallows a good one. Writers of one realm are serialised by the outbox's chain
 * lock, so a directory shared by several nodes stays consistent.
 */
public final class FileSink implements AuditSink {

    private final Path root;

    public FileSink(Path root) {
        this.root = root;
    }

    @Override
    public void deliver(List<SinkRecord> batch) throws SinkException {
        Map<Path, List<SinkRecord>> byFile = new LinkedHashMap<>();
        for (SinkRecord record : batch) {
            byFile.computeIfAbsent(FileLayout.file(root, record.realm(), record.time()), path -> new ArrayList<>()).add(record);
        }
        for (Map.Entry<Path, List<SinkRecord>> file : byFile.entrySet()) {
            try {
                append(file.getKey(), file.getValue());
            } catch (IOException e) {
                throw new SinkException("cannot append to " + file.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String describe() {
        return "file " + root;
    }

    private static void append(Path file, List<SinkRecord> records) throws IOException {
        Path directory = file.getParent();
        boolean created = !Files.exists(file);
        Files.createDirectories(directory);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = channel.size();
            if (position > 0 && !endsWithNewline(channel, position)) {
                position += writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}), position);
            }
            for (SinkRecord record : records) {
                byte[] line = Json.bytes(record.document());
                ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
                position += writeFully(channel, buffer, position);
            }
            channel.force(true);
        }
        if (created) {
            forceDirectory(directory);
        }
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private static int writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int written = 0;
        while (buffer.hasRemaining()) {
            written += channel.write(buffer, position + written);
        }
        return written;
    }

    /** Makes a new file's directory entry durable; not possible on every platform, where it is skipped. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the file's own fsync is what it offers
        }
    }
}
