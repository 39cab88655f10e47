package dev.integrationbroker.audit.record;

import java.util.regex.Pattern;

/**
 * Free text copied into a record (event reasons, admin notes): control characters become spaces, anything shaped
 * like a JWT or a long opaque credential is replaced by {@value #REDACTED}, and the text is cut to a bound. A
 * defence in depth: the sources are not expected to carry secrets.
 */
public final class SafeText {

    public static final String REDACTED = "[redacted]";

    /** Three base64url segments, as in a JWS/JWE compact serialisation. */
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*){0,2}");
    /** A run of at least 40 token characters with no word break: an opaque token or secret, not prose or a UUID. */
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9_+/=~-]{40,}");

    private SafeText() {
    }

    /** The scrubbed text, at most {@code max} characters (an ellipsis marks a cut); null stays null. */
    public static String of(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), max + 16));
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String scrubbed = OPAQUE.matcher(JWT.matcher(clean.toString().trim()).replaceAll(REDACTED)).replaceAll(REDACTED);
        if (scrubbed.length() <= max) {
            return scrubbed;
        }
        int cut = Character.isHighSurrogate(scrubbed.charAt(max - 3)) ? max - 4 : max - 3;
        return scrubbed.substring(0, cut) + "...";
    }
}
