package dev.integrationbroker.audit.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.config.FormatKind;

/** Turns a chained record into what the sink writes. Stateless and thread-safe. */
public interface RecordFormat {

    /** The document for one record; the record itself is not modified. */
    JsonNode render(ObjectNode record);

    /** The format an option value names. */
    static RecordFormat of(FormatKind kind) {
        return switch (kind) {
            case JSON -> record -> record;
            case OCSF -> new OcsfRecordFormat();
        };
    }
}
