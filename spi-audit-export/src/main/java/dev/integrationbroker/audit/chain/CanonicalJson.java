package dev.integrationbroker.audit.chain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The canonical serialisation a record's hash is computed over, the RFC 8785 (JCS) rules restricted to the values
 * records hold:
 * <ul>
 * <li>no whitespace; object members sorted by name, comparing UTF-16 code units (Java's {@link String#compareTo});
 * array order kept;</li>
 * <li>strings in double quotes; {@code "} and {@code \} escaped with a backslash; U+0008, U+0009, U+000A, U+000C,
 * U+000D as {@code \b \t \n \f \r}; other characters below U+0020 as a backslash, {@code u} and four lowercase hex digits; every other
 * character (including non-ASCII and {@code /}) as is;</li>
 * <li>integers in plain decimal; {@code true}, {@code false}, {@code null} as literals (a null member is kept, not
 * dropped); numbers with a fraction are refused (records never hold one);</li>
 * <li>encoded as UTF-8.</li>
 * </ul>
 * So the hash depends on a record's content, never on how a database or a pretty-printer stored it.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical text of a JSON value. */
    public static String text(JsonNode value) {
        StringBuilder out = new StringBuilder(512);
        write(value, out);
        return out.toString();
    }

    /** The canonical UTF-8 bytes of a JSON value. */
    public static byte[] bytes(JsonNode value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode value, StringBuilder out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else if (value.isObject()) {
            writeObject(value, out);
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(value.get(i), out);
            }
            out.append(']');
        } else if (value.isTextual()) {
            writeString(value.textValue(), out);
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue().toString());
        } else if (value.isNumber()) {
            writeIntegralDecimal(value.decimalValue(), out);
        } else {
            throw new IllegalArgumentException("canonical JSON: unsupported node type " + value.getNodeType());
        }
    }

    private static void writeObject(JsonNode object, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    /** A decimal that is in fact integral (e.g. read back as 300.0) is written as the integer. */
    private static void writeIntegralDecimal(BigDecimal number, StringBuilder out) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new IllegalArgumentException("canonical JSON: records hold integers only, got " + number);
        }
        out.append(stripped.toBigIntegerExact().toString());
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
