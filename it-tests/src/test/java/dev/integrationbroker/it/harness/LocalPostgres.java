package dev.integrationbroker.it.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, user postgres, trust authentication), for cluster tests. Where it
 * does not answer, or {@code psql} is missing, the calling test is skipped with a message saying so.
 */
public final class LocalPostgres {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;

    private LocalPostgres() {
    }

    /** Creates a new, empty database and returns its JDBC URL; skips the test where PostgreSQL is unavailable. */
    public static String createDatabase(String name) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 2000);
        } catch (IOException e) {
            skip("no PostgreSQL answers on " + HOST + ":" + PORT);
        }
        String sql = "CREATE DATABASE " + name;
        try {
            Process psql = new ProcessBuilder("psql", "-h", HOST, "-p", Integer.toString(PORT), "-U", "postgres", "-v", "ON_ERROR_STOP=1",
                    "-c", sql).redirectErrorStream(true).start();
            String output = new String(psql.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!psql.waitFor(60, TimeUnit.SECONDS) || psql.exitValue() != 0) {
                skip("cannot create database " + name + " with psql: " + output.trim());
            }
        } catch (IOException e) {
            skip("psql is not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skip("interrupted while creating the database");
        }
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    /** Drops a database the test created; best effort (a leftover test database harms nothing). */
    public static void dropDatabase(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try {
            Process psql = new ProcessBuilder("psql", "-h", HOST, "-p", Integer.toString(PORT), "-U", "postgres",
                    "-c", "DROP DATABASE IF EXISTS " + name).redirectErrorStream(true).start();
            psql.getInputStream().readAllBytes();
            psql.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            // leave it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void skip(String why) {
        String message = "SKIPPED (PostgreSQL cluster test): " + why;
        System.err.println("[integration-broker it] " + message);
        Assumptions.abort(message);
    }
}
