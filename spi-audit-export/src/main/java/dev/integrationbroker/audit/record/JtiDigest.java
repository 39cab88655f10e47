package dev.integrationbroker.audit.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a token's {@code jti}, as lowercase hex: lets an auditor match a record to a token they hold without
 * the record ever carrying the {@code jti} itself.
 */
public final class JtiDigest {

    private JtiDigest() {
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes; null for a null or blank value. */
    public static String of(String jti) {
        return jti == null || jti.isBlank() ? null : sha256Hex(jti.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
