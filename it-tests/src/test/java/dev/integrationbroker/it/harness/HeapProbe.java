package dev.integrationbroker.it.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the live heap of a server JVM from the outside with the JDK's {@code jcmd GC.class_histogram}: a full
 * collection, then live instances and bytes per class, so a reading is what the server retains, not garbage
 * waiting to be collected. Each reading pauses the server for the collection and the count (about a second).
 */
public final class HeapProbe {

    private static final Pattern ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");
    private static final long TIMEOUT_SECONDS = 60;

    private final ProcessHandle jvm;
    private final Path jcmd;

    private HeapProbe(ProcessHandle jvm, Path jcmd) {
        this.jvm = jvm;
        this.jcmd = jcmd;
    }

    /** A probe of the server's JVM; aborts the test where the server's JVM or the JDK's jcmd is not reachable. */
    public static HeapProbe of(KeycloakServer server) {
        ProcessHandle jvm = server.jvm().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(jvm != null, "heap probes need the server's JVM process (distribution backend)");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jcmd), "heap probes need the JDK's jcmd at " + jcmd);
        return new HeapProbe(jvm, jcmd);
    }

    /** Live objects per class and in total, right after a full collection (jcmd GC.class_histogram). */
    public Histogram histogram() {
        String output = run("GC.class_histogram");
        Map<String, Long> instances = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        Matcher row = ROW.matcher(output);
        while (row.find()) {
            instances.merge(row.group(3), Long.parseLong(row.group(1)), Long::sum);
            bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
        }
        Matcher total = TOTAL.matcher(output);
        if (instances.isEmpty() || !total.find()) {
            throw new IllegalStateException("unexpected jcmd GC.class_histogram output: " + output.substring(0, Math.min(500, output.length())));
        }
        return new Histogram(Long.parseLong(total.group(1)), Map.copyOf(instances), Map.copyOf(bytes));
    }

    /** A class histogram: total live bytes, and live instances and shallow bytes per class name. */
    public record Histogram(long totalBytes, Map<String, Long> instances, Map<String, Long> bytes) {

        public long instancesOf(String className) {
            return instances.getOrDefault(className, 0L);
        }

        /** Live instances of all classes whose name starts with {@code prefix}. */
        public long instancesUnder(String prefix) {
            return instances.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
        }

        /** The {@code limit} classes whose shallow bytes grew most since {@code earlier}, as "class +N KB" text. */
        public String largestGrowthSince(Histogram earlier, int limit) {
            return bytes.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.bytes().getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(limit)
                    .map(e -> e.getKey() + " +" + e.getValue() / 1024 + " KB")
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private String run(String command) {
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(jvm.pid()), command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd " + command, e);
        }
    }
}
