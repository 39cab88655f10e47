package dev.integrationbroker.it.harness;

import java.net.URI;
import java.nio.file.Path;

/** A started server: where it listens, where it logs, and how to stop it. */
interface RunningServer extends AutoCloseable {

    /** Base URL of the public HTTP listener, without a trailing slash. */
    URI baseUri();

    /** The server's captured log (stdout and stderr). */
    Path logFile();

    /** The server's JVM process, where the harness can see it (the distribution backend), for heap probes. */
    default java.util.Optional<ProcessHandle> jvm() {
        return java.util.Optional.empty();
    }

    /** Kills the server without a clean shutdown, as a crashed node; defaults to a clean stop. */
    default void kill() {
        close();
    }

    /** Stops the server and waits for it to exit; safe to call more than once. */
    @Override
    void close();
}
