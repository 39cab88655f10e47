package dev.integrationbroker.audit.sink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The file sink's layout: {@code <root>/<realm>/<yyyy-MM-dd>.jsonl}, the day in UTC. The realm name is made safe
 * as a single path segment: characters other than {@code A-Z a-z 0-9 . _ -} are percent-encoded (UTF-8), and so
 * are the names {@code .} and {@code ..}.
 */
public final class FileLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private FileLayout() {
    }

    public static Path file(Path root, String realm, Instant time) {
        return root.resolve(realmSegment(realm)).resolve(DAY.format(time) + ".jsonl");
    }

    static String realmSegment(String realm) {
        if (realm.equals(".") || realm.equals("..")) {
            return realm.replace(".", "%2E");
        }
        StringBuilder segment = new StringBuilder(realm.length());
        for (byte b : realm.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') {
                segment.append(c);
            } else {
                segment.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return segment.length() == 0 ? "%00" : segment.toString();
    }
}
