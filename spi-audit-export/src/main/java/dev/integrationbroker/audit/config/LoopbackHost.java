package dev.integrationbroker.audit.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a URL host names this machine's loopback interface, decided from the text alone (no DNS lookup). */
final class LoopbackHost {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    private LoopbackHost() {
    }

    static boolean is(String host) {
        String bare = host.toLowerCase(Locale.ROOT);
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.equals("localhost") || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(bare).matches();
    }
}
