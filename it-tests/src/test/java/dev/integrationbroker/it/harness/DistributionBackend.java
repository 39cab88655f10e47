package dev.integrationbroker.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the Keycloak distribution unpacked by Maven under {@code target/} in dev mode on the embedded
 * dev-file H2 database, with the freshly built provider jars and the demo realm imported at start.
 * Needs nothing but a JDK: this is the default backend.
 */
final class DistributionBackend {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    /**
     * Keycloak 26.7's build step adds extension JPA entities (our audit outbox) to the persistence unit while
     * Quarkus's own step may be copying it, so a start-dev/build fails now and then with this exception before
     * anything is written (keycloak/keycloak#47482, fixed in 26.8). A start that fails so is simply run again.
     */
    static final String KNOWN_BUILD_RACE =
            "HibernateOrmProcessor#contributePersistenceXmlToJpaModel threw an exception: java.util.ConcurrentModificationException";
    private static final int BUILD_ATTEMPTS = 3;

    private DistributionBackend() {
    }

    static RunningServer start(HarnessConfig config, List<String> extraOptions) {
        return start(config, config.keycloakHome(), config.logDir().resolve("keycloak-server.log"), extraOptions, true);
    }

    static RunningServer start(HarnessConfig config, Path home, Path log, List<String> extraOptions, boolean freshData) {
        List<String> args = new ArrayList<>(List.of("start-dev", "--import-realm"));
        args.addAll(extraOptions);
        return start(config, home, log, args, freshData, Map.of());
    }

    /**
     * Starts the distribution at {@code home}; with {@code freshData} its database is emptied first and the demo
     * realm imported, otherwise the server resumes on its existing data (a restart).
     */
    static RunningServer start(HarnessConfig config, Path home, Path log, List<String> args, boolean freshData,
            Map<String, String> extraEnv) {
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + ": the 'unpack-keycloak-distribution' step of it-tests/pom.xml did not run (use 'mvn verify')");
        }
        installProviders(config.providerJars(), home.resolve("providers"));
        if (freshData) {
            resetData(home.resolve("data"), config.demoRealm());
            try {
                Files.deleteIfExists(log); // a fresh server gets a fresh log; a restart appends to it
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reset " + log, e);
            }
        }

        for (int attempt = 1; ; attempt++) {
            long logOffset = log.toFile().length();
            try {
                return launch(config, home, log, args, extraEnv, logOffset);
            } catch (KnownBuildRace race) {
                if (attempt == BUILD_ATTEMPTS) {
                    throw new IllegalStateException("Keycloak's build step failed " + BUILD_ATTEMPTS + " times with "
                            + "its known build race; log " + log + ":\n" + ServerLog.tail(log, 80));
                }
                System.err.println("Keycloak's build hit its known build race (" + KNOWN_BUILD_RACE + "); starting again");
            }
        }
    }

    private static RunningServer launch(HarnessConfig config, Path home, Path log, List<String> args,
            Map<String, String> extraEnv, long logOffset) {
        Path kcSh = home.resolve("bin/kc.sh");
        int httpPort = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(kcSh.toString());
        command.addAll(args);
        command.addAll(List.of("--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--health-enabled=true"));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", config.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", config.adminPassword());
        env.remove("JAVA_OPTS");
        env.putAll(extraEnv);

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + kcSh, e);
        }
        ProcessServer server = new ProcessServer(process, URI.create("http://127.0.0.1:" + httpPort), log);
        server.pid = process.pid();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-it-shutdown"));
        try {
            awaitReady(process, URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), log, logOffset);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static void installProviders(List<Path> jars, Path providersDir) {
        try {
            Files.createDirectories(providersDir);
            try (Stream<Path> old = Files.list(providersDir)) {
                for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.delete(jar);
                }
            }
            for (Path jar : jars) {
                Files.copy(jar, providersDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install provider jars into " + providersDir, e);
        }
    }

    /** Every run starts from an empty database, so results never depend on an earlier run. */
    private static void resetData(Path dataDir, Path demoRealm) {
        try {
            if (Files.exists(dataDir)) {
                try (Stream<Path> tree = Files.walk(dataDir)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Path importDir = Files.createDirectories(dataDir.resolve("import"));
            Files.copy(demoRealm, importDir.resolve("demo-realm.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset " + dataDir, e);
        }
    }

    private static void awaitReady(Process process, URI health, Path log, long logOffset) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                if (process.exitValue() != 0 && ServerLog.readFrom(log, logOffset).contains(KNOWN_BUILD_RACE)) {
                    throw new KnownBuildRace();
                }
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready; log " + log + ":\n" + ServerLog.tail(log, 80));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT + "; log " + log + ":\n" + ServerLog.tail(log, 80));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The server exited because of {@link #KNOWN_BUILD_RACE}; it wrote nothing, so it may be started again. */
    private static final class KnownBuildRace extends RuntimeException {
        KnownBuildRace() {
            super(KNOWN_BUILD_RACE, null, false, false);
        }
    }

    /** The server process; stopping sends SIGTERM (kc.sh forwards it), then kills what is left. */
    private static final class ProcessServer implements RunningServer {
        private final Process process;
        private final URI baseUri;
        private final Path log;

        ProcessServer(Process process, URI baseUri, Path log) {
            this.process = process;
            this.baseUri = baseUri;
            this.log = log;
        }

        @Override
        public URI baseUri() {
            return baseUri;
        }

        @Override
        public Path logFile() {
            return log;
        }

        long pid;

        /** kc.sh starts the JVM as its child in dev mode and execs it in production mode. */
        @Override
        public java.util.Optional<ProcessHandle> jvm() {
            return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                    .findFirst();
        }

        /** Kills the server at once (SIGKILL to the JVM and its script), as a crashed node. */
        @Override
        public synchronized void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public synchronized void close() {
            if (!process.isAlive()) {
                return;
            }
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    children.forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
