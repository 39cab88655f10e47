package dev.integrationbroker.it.harness;

import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Starts one Keycloak per test run (kept in the root extension store, so every IT class shares it and
 * JUnit stops it after the last one), resolves {@link KeycloakServer} parameters, and prints the tail of
 * the server log when a test fails.
 */
public final class KeycloakServerExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakServerExtension.class);

    /** Options every server of the suite starts with; tests isolate themselves by realm, not by server. */
    static final List<String> SUITE_OPTIONS = List.of(
            "--log-level=INFO,dev.integrationbroker:debug",
            // short intervals so lifecycle effects are observable within a test
            "--spi-integration-lifecycle--default--last-used-flush-interval=2",
            // the scheduled sweep would race tests that set up lapsed states; tests run the sweep on demand
            "--spi-integration-lifecycle--default--sweep-interval=86400");

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        KeycloakServer server = context.getRoot().getStore(NAMESPACE).get(KeycloakServer.class, KeycloakServer.class);
        if (server != null) {
            System.err.println("---- last lines of " + server.logFile() + " (test " + context.getDisplayName() + " failed) ----");
            System.err.println(ServerLog.tail(server.logFile(), 60));
            System.err.println("---- end of server log ----");
        }
        throw failure;
    }

    private static KeycloakServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KeycloakServer.class, key -> start(), KeycloakServer.class);
    }

    private static KeycloakServer start() {
        HarnessConfig config = HarnessConfig.fromSystemProperties();
        RunningServer running = switch (config.backend()) {
            case DISTRIBUTION -> DistributionBackend.start(config, SUITE_OPTIONS);
            case CONTAINER -> ContainerBackend.start(config, SUITE_OPTIONS);
        };
        return new KeycloakServer(running, config);
    }
}
