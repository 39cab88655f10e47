package dev.integrationbroker.audit.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.keycloak.Config;

/**
 * The listener's server options, validated (SPEC §6 {@code --spi-events-listener--integration-audit--<key>}).
 *
 * @param sink where records go
 * @param directory the file sink's root directory, absolute
 * @param format how records are written
 * @param webhookUrl the webhook endpoint: https, or http to a loopback address (tests); null unless {@code sink=webhook}
 * @param webhookSecret the HMAC key of {@code X-Signature}; null unless {@code sink=webhook}; never printed
 * @param maxBacklog the undelivered records above which the alarm is raised (and issuance refused when fail-closed)
 * @param failClosed whether token issuance is refused while the backlog is above its bound
 */
public record AuditConfig(SinkKind sink, Path directory, FormatKind format, URI webhookUrl, String webhookSecret,
        long maxBacklog, boolean failClosed) {

    public static final String SINK = "sink";
    public static final String DIRECTORY = "directory";
    public static final String FORMAT = "format";
    public static final String WEBHOOK_URL = "webhook-url";
    public static final String WEBHOOK_SECRET = "webhook-secret";
    public static final String MAX_BACKLOG = "max-backlog";
    public static final String FAIL_CLOSED = "fail-closed";

    public static final String DEFAULT_DIRECTORY = "data/integration-audit";
    public static final long DEFAULT_MAX_BACKLOG = 100_000;
    static final long MAX_MAX_BACKLOG = 1_000_000_000L;
    static final int MIN_SECRET_LENGTH = 16;

    /** How options are named in messages: the CLI form without its leading dashes. */
    static final String OPTION_PREFIX = "spi-events-listener--integration-audit--";

    public AuditConfig {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(format, "format");
    }

    /** Reads the options of the listener's scope; the directory is resolved under the server home. */
    public static AuditConfig from(Config.Scope scope) {
        return parse(scope::get, ServerHome::resolve);
    }

    /**
     * Parses and validates options.
     *
     * @param options option value by key (null when not set)
     * @param directories resolves the {@code directory} option to an absolute path
     * @throws IllegalArgumentException naming the option and its bad value
     */
    public static AuditConfig parse(Function<String, String> options, Function<String, Path> directories) {
        SinkKind sink = choice(options, SINK, SinkKind.class, SinkKind.FILE);
        FormatKind format = choice(options, FORMAT, FormatKind.class, FormatKind.JSON);
        String directoryText = value(options, DIRECTORY);
        Path directory = directories.apply(directoryText == null ? DEFAULT_DIRECTORY : directoryText);
        long maxBacklog = maxBacklog(options);
        boolean failClosed = bool(options, FAIL_CLOSED, false);
        URI url = null;
        String secret = null;
        if (sink == SinkKind.WEBHOOK) {
            url = webhookUrl(options);
            secret = value(options, WEBHOOK_SECRET);
            if (secret == null) {
                throw new IllegalArgumentException(OPTION_PREFIX + WEBHOOK_SECRET + ": required when " + SINK + "=webhook");
            }
            if (secret.length() < MIN_SECRET_LENGTH) {
                // the value itself is never echoed
                throw new IllegalArgumentException(OPTION_PREFIX + WEBHOOK_SECRET + ": must be at least " + MIN_SECRET_LENGTH + " characters");
            }
        }
        return new AuditConfig(sink, directory, format, url, secret, maxBacklog, failClosed);
    }

    /** Effective values for the server info page: the secret shows only as {@code set}/{@code unset}. */
    public Map<String, String> describe() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put(SINK, sink.wire());
        info.put(DIRECTORY, directory.toString());
        info.put(FORMAT, format.wire());
        info.put(WEBHOOK_URL, webhookUrl == null ? "" : redacted(webhookUrl));
        info.put(WEBHOOK_SECRET, webhookSecret == null ? "unset" : "set");
        info.put(MAX_BACKLOG, Long.toString(maxBacklog));
        info.put(FAIL_CLOSED, Boolean.toString(failClosed));
        return info;
    }

    @Override
    public String toString() {
        return "AuditConfig" + describe();
    }

    /** The URL without user info, query or fragment, which may carry credentials. */
    static String redacted(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static URI webhookUrl(Function<String, String> options) {
        String raw = value(options, WEBHOOK_URL);
        if (raw == null) {
            throw new IllegalArgumentException(OPTION_PREFIX + WEBHOOK_URL + ": required when " + SINK + "=webhook");
        }
        URI url;
        try {
            url = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(OPTION_PREFIX + WEBHOOK_URL + ": '" + echoUrl(raw) + "' is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(OPTION_PREFIX + WEBHOOK_URL + ": '" + echoUrl(raw) + "' must be an absolute https URL");
        }
        if (scheme.equals("http") && !LoopbackHost.is(url.getHost())) {
            throw new IllegalArgumentException(OPTION_PREFIX + WEBHOOK_URL + ": '" + echoUrl(raw)
                    + "' must use https (plain http is accepted only for a loopback address)");
        }
        if (url.getFragment() != null) {
            throw new IllegalArgumentException(OPTION_PREFIX + WEBHOOK_URL + ": '" + echoUrl(raw) + "' must not have a fragment");
        }
        return url;
    }

    private static long maxBacklog(Function<String, String> options) {
        String raw = value(options, MAX_BACKLOG);
        if (raw == null) {
            return DEFAULT_MAX_BACKLOG;
        }
        long parsed;
        try {
            parsed = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(OPTION_PREFIX + MAX_BACKLOG + ": '" + echo(raw) + "' is not a whole number");
        }
        if (parsed < 1 || parsed > MAX_MAX_BACKLOG) {
            throw new IllegalArgumentException(OPTION_PREFIX + MAX_BACKLOG + ": " + parsed + " must be from 1 to " + MAX_MAX_BACKLOG);
        }
        return parsed;
    }

    private static boolean bool(Function<String, String> options, String key, boolean fallback) {
        String raw = value(options, key);
        if (raw == null) {
            return fallback;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(OPTION_PREFIX + key + ": '" + echo(raw) + "' must be true or false");
        };
    }

    private static <E extends Enum<E>> E choice(Function<String, String> options, String key, Class<E> type, E fallback) {
        String raw = value(options, key);
        if (raw == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : " or ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(OPTION_PREFIX + key + ": '" + echo(raw) + "' must be " + allowed);
    }

    private static String value(Function<String, String> options, String key) {
        String raw = options.apply(key);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** A URL echoed without user info or query, which may carry credentials. */
    private static String echoUrl(String raw) {
        return echo(raw.replaceAll("//[^/?#]*@", "//***@").replaceAll("\\?.*$", "?..."));
    }

    /** Bad values are echoed so the operator sees what was read, printable and bounded. */
    private static String echo(String raw) {
        String cut = raw.length() > 100 ? raw.substring(0, 100) + "..." : raw;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
