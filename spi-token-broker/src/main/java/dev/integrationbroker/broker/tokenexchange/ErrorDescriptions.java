package dev.integrationbroker.broker.tokenexchange;

import dev.integrationbroker.lifecycle.model.Echo;

/**
 * Keeps {@code error_description} within RFC 6749 §5.2 (printable ASCII without {@code "} and {@code \}),
 * at most 200 characters, and never echoes more than 64 characters of caller input.
 */
public final class ErrorDescriptions {

    static final int MAX_LENGTH = 200;
    static final int MAX_ECHO = Echo.MAX;

    private ErrorDescriptions() {
    }

    /** A caller-supplied value made safe to quote in a description. */
    public static String echo(String input) {
        return Echo.of(input);
    }

    /** The whole description, made printable and cut to the maximum length. */
    public static String sanitise(String description) {
        String text = printable(description == null ? "" : description);
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 3) + "..." : text;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
        }
        return out.toString();
    }
}
