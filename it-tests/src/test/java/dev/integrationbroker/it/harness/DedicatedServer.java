package dev.integrationbroker.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A second Keycloak, for the few tests that need server options the shared suite server must not have (a
 * webhook audit sink, a tiny backlog bound). It runs a private copy of the distribution under {@code target/},
 * can be restarted on its data, and is stopped by the test class that started it. Distribution backend only.
 */
public final class DedicatedServer implements AutoCloseable {

    private final HarnessConfig config;
    private final Path home;
    private final Path log;
    private final List<String> options;
    private final boolean devMode;
    private final java.util.Map<String, String> env;
    private KeycloakServer server;

    private DedicatedServer(HarnessConfig config, Path home, Path log, List<String> options, boolean devMode, java.util.Map<String, String> env) {
        this.config = config;
        this.home = home;
        this.log = log;
        this.options = options;
        this.devMode = devMode;
        this.env = env;
    }

    /** Copies the distribution to {@code target/keycloak-<name>} and starts it with the suite's and these options. */
    public static DedicatedServer start(String name, List<String> options) {
        HarnessConfig config = HarnessConfig.fromSystemProperties();
        if (config.backend() != HarnessConfig.Backend.DISTRIBUTION) {
            org.junit.jupiter.api.Assumptions.abort("dedicated servers need the distribution backend");
        }
        Path home = config.keycloakHome().resolveSibling("keycloak-" + name);
        copyTree(config.keycloakHome(), home);
        List<String> all = new java.util.ArrayList<>(KeycloakServerExtension.SUITE_OPTIONS);
        all.addAll(options);
        DedicatedServer dedicated = new DedicatedServer(config, home, config.logDir().resolve("keycloak-" + name + ".log"), List.copyOf(all),
                true, java.util.Map.of());
        dedicated.server = new KeycloakServer(DistributionBackend.start(config, home, dedicated.log, dedicated.options, true), config);
        return dedicated;
    }

    /**
     * A production-mode node ({@code kc.sh start}) on a shared database, for cluster tests: {@code options} carry the
     * database and cache settings; the node gets its own copy of the distribution and log.
     */
    public static DedicatedServer startNode(String name, List<String> options, java.util.Map<String, String> env) {
        HarnessConfig config = HarnessConfig.fromSystemProperties();
        if (config.backend() != HarnessConfig.Backend.DISTRIBUTION) {
            org.junit.jupiter.api.Assumptions.abort("cluster nodes need the distribution backend");
        }
        Path home = config.keycloakHome().resolveSibling("keycloak-" + name);
        copyTree(config.keycloakHome(), home);
        List<String> args = new java.util.ArrayList<>(List.of("start", "--http-enabled=true", "--hostname-strict=false",
                "--log-level=INFO,dev.integrationbroker:debug"));
        args.addAll(options);
        DedicatedServer node = new DedicatedServer(config, home, config.logDir().resolve("keycloak-" + name + ".log"), List.copyOf(args),
                false, java.util.Map.copyOf(env));
        node.server = new KeycloakServer(DistributionBackend.start(config, home, node.log, node.options, true, node.env), config);
        return node;
    }

    /** Kills the node without a clean shutdown, as a crash. */
    public void kill() {
        server.kill();
    }

    /** The node's captured log. */
    public Path log() {
        return log;
    }

    public KeycloakServer server() {
        return server;
    }

    /** Stops the server and starts it again on the same data (new ports). */
    public KeycloakServer restart() {
        server.close();
        server = new KeycloakServer(devMode ? DistributionBackend.start(config, home, log, options, false)
                : DistributionBackend.start(config, home, log, options, false, env), config);
        return server;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    private static void copyTree(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            try (Stream<Path> tree = Files.walk(from)) {
                for (Path source : tree.toList()) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (source.startsWith(from.resolve("data"))) {
                        continue;
                    }
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the distribution to " + to, e);
        }
    }
}
