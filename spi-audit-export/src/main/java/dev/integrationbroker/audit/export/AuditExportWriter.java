package dev.integrationbroker.audit.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrationbroker.audit.record.Json;
import dev.integrationbroker.lifecycle.audit.AuditExportFormat;
import dev.integrationbroker.lifecycle.inventory.CsvWriter;

/**
 * Streams records in one of the export formats: {@link #start()}, then each record through {@link #accept}, then
 * {@link #finish()}. CSV uses the inventory's writer, so both exports neutralise spreadsheet formulas alike.
 */
public final class AuditExportWriter implements Consumer<JsonNode> {

    private final AuditExportFormat format;
    private final Writer out;
    private final CsvWriter csv;
    private boolean first = true;

    public AuditExportWriter(AuditExportFormat format, OutputStream stream) {
        this.format = format;
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        this.csv = format == AuditExportFormat.CSV ? new CsvWriter(out, RecordFlattener.COLUMNS) : null;
    }

    public void start() throws IOException {
        switch (format) {
            case JSON -> out.write('[');
            case CSV -> csv.header();
            case NDJSON -> {
                // no preamble
            }
        }
    }

    /** Writes one record; I/O failures surface as {@link UncheckedIOException}. */
    @Override
    public void accept(JsonNode record) {
        try {
            switch (format) {
                case JSON -> {
                    if (!first) {
                        out.write(',');
                    }
                    out.write(Json.write(record));
                }
                case NDJSON -> {
                    out.write(Json.write(record));
                    out.write('\n');
                }
                case CSV -> csv.row(RecordFlattener.flatten(record));
            }
            first = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the document and flushes; the stream stays open. */
    public void finish() throws IOException {
        if (format == AuditExportFormat.JSON) {
            out.write(']');
        }
        out.flush();
    }
}
