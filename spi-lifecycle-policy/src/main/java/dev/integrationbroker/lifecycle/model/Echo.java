package dev.integrationbroker.lifecycle.model;

/**
 * Caller input quoted in an error message or log line: printable ASCII only (anything else, and {@code "},
 * {@code '} and {@code \}, becomes {@code ?}) and at most {@value #MAX} characters, so a message never carries
 * raw input, control characters or a pasted secret of any length.
 */
public final class Echo {

    public static final int MAX = 64;

    private Echo() {
    }

    public static String of(String input) {
        if (input == null) {
            return "";
        }
        String cut = input.length() > MAX ? input.substring(0, MAX) + "..." : input;
        return printable(cut);
    }

    /** Replaces every character outside printable ASCII, and quote characters, with {@code ?}. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' && c != '\'' ? c : '?');
        }
        return out.toString();
    }
}
