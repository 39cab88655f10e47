package dev.integrationbroker.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Docker image must run the Keycloak version the providers are built and tested against. */
class DockerfileVersionTest {

    @Test
    @DisplayName("given docker/Dockerfile then its KEYCLOAK_VERSION equals the pom's keycloak.version")
    void dockerfileUsesThePomVersion() throws IOException {
        String pomVersion = System.getProperty("it.keycloak.version");
        String dockerfile = Files.readString(Path.of(System.getProperty("it.project.root"), "docker", "Dockerfile"));

        Matcher arg = Pattern.compile("(?m)^ARG KEYCLOAK_VERSION=(\\S+)$").matcher(dockerfile);
        assertThat(arg.find()).as("ARG KEYCLOAK_VERSION in docker/Dockerfile").isTrue();
        assertThat(arg.group(1)).isEqualTo(pomVersion);
    }
}
