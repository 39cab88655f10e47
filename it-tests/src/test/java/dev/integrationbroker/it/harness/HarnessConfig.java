package dev.integrationbroker.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the harness finds the server and the jars under test; read once from the system properties
 * that the failsafe configuration in {@code it-tests/pom.xml} sets.
 */
record HarnessConfig(
        Backend backend,
        String keycloakVersion,
        Path keycloakHome,
        Path providersDir,
        Path demoRealm,
        Path logDir,
        String adminUser,
        String adminPassword) {

    /** Which kind of server the run uses. */
    enum Backend { DISTRIBUTION, CONTAINER }

    static HarnessConfig fromSystemProperties() {
        Backend backend = switch (property("it.backend", "distribution").toLowerCase(Locale.ROOT)) {
            case "distribution" -> Backend.DISTRIBUTION;
            case "container" -> Backend.CONTAINER;
            default -> throw new IllegalStateException(
                    "it.backend must be 'distribution' or 'container', was '" + System.getProperty("it.backend") + "'");
        };
        return new HarnessConfig(
                backend,
                property("it.keycloak.version", null),
                Path.of(property("it.keycloak.home", null)),
                Path.of(property("it.providers.dir", null)),
                Path.of(property("it.demo.realm", null)),
                Path.of(property("it.log.dir", "target")),
                "admin",
                "admin");
    }

    /** The provider jars to install, sorted for a stable log. */
    List<Path> providerJars() {
        try (Stream<Path> files = Files.list(providersDir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no provider jars in " + providersDir + ": run the tests with 'mvn verify'");
            }
            return jars;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot list provider jars in " + providersDir
                    + " (run the tests with 'mvn verify' so the jars are built and copied)", e);
        }
    }

    private static String property(String key, String fallback) {
        String value = System.getProperty(key, fallback);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set: run the ITs through Maven (mvn verify)");
        }
        return value;
    }
}
