package dev.integrationbroker.audit.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin event resource paths the listener acts on (relative to {@code /admin/realms/{realm}/}).
 *
 * @param kind what the path names
 * @param id a client's internal id, for client paths
 */
record AdminPath(Kind kind, String id) {

    enum Kind {
        /** {@code clients/{id}}. */
        CLIENT,
        /** {@code clients/{id}/client-secret}, {@code clients/{id}/client-secret/rotated}. */
        CLIENT_SECRET,
        /** {@code integrations/...} actions other than the policy. */
        INTEGRATIONS,
        /** {@code integrations/policy}. */
        POLICY
    }

    private static final Pattern CLIENT = Pattern.compile("clients/([^/]+)");
    private static final Pattern SECRET = Pattern.compile("clients/([^/]+)/client-secret(/rotated)?");

    static AdminPath parse(String resourcePath) {
        if (resourcePath == null) {
            return null;
        }
        String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        Matcher client = CLIENT.matcher(path);
        if (client.matches()) {
            return new AdminPath(Kind.CLIENT, client.group(1));
        }
        Matcher secret = SECRET.matcher(path);
        if (secret.matches()) {
            return new AdminPath(Kind.CLIENT_SECRET, secret.group(1));
        }
        if (path.equals("integrations/policy")) {
            return new AdminPath(Kind.POLICY, null);
        }
        if (path.startsWith("integrations/")) {
            return new AdminPath(Kind.INTEGRATIONS, null);
        }
        return null;
    }
}
