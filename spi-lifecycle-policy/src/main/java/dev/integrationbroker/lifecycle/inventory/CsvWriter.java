package dev.integrationbroker.lifecycle.inventory;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 4180 CSV with spreadsheet-formula neutralisation: a cell starting with {@code =}, {@code +},
 * {@code -} or {@code @} (or a tab or carriage return) is prefixed with a single quote.
 */
public final class CsvWriter {

    private final Writer out;
    private final List<String> columns;

    public CsvWriter(Writer out, List<String> columns) {
        this.out = out;
        this.columns = columns;
    }

    public void header() throws IOException {
        write(columns);
    }

    /** One row from a JSON object: arrays are joined with spaces, nulls are empty cells. */
    public void row(JsonNode object) throws IOException {
        List<String> cells = columns.stream().map(column -> cell(object.get(column))).toList();
        write(cells);
    }

    private void write(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(cells.get(i)));
        }
        out.write("\r\n");
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            value.forEach(v -> joined.append(joined.length() == 0 ? "" : " ").append(v.asText()));
            return joined.toString();
        }
        return value.asText();
    }

    /** Neutralises formula starts, then quotes when needed. */
    public static String escape(String cell) {
        String safe = cell;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            safe = "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
