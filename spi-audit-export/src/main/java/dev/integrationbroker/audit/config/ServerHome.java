package dev.integrationbroker.audit.config;

import java.nio.file.Path;

/**
 * Resolves the {@code directory} option: an absolute path is used as is; a relative one is resolved under the
 * server home ({@code kc.home.dir}, set by {@code kc.sh}); without it, a path under {@code data/} is resolved under
 * {@code jboss.server.data.dir}, and anything else under the working directory.
 */
public final class ServerHome {

    static final String HOME_PROPERTY = "kc.home.dir";
    static final String DATA_DIR_PROPERTY = "jboss.server.data.dir";

    private ServerHome() {
    }

    /** Resolves against this JVM's system properties. */
    public static Path resolve(String directory) {
        return resolve(directory, System.getProperty(HOME_PROPERTY), System.getProperty(DATA_DIR_PROPERTY),
                System.getProperty("user.dir"));
    }

    static Path resolve(String directory, String homeDir, String dataDir, String workDir) {
        Path path = Path.of(directory);
        if (path.isAbsolute()) {
            return path.normalize();
        }
        if (homeDir != null && !homeDir.isBlank()) {
            return Path.of(homeDir).resolve(path).toAbsolutePath().normalize();
        }
        if (dataDir != null && !dataDir.isBlank() && path.getNameCount() > 1 && path.getName(0).toString().equals("data")) {
            return Path.of(dataDir).resolve(path.subpath(1, path.getNameCount())).toAbsolutePath().normalize();
        }
        return Path.of(workDir == null ? "" : workDir).resolve(path).toAbsolutePath().normalize();
    }
}
