package dev.integrationbroker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.provider.ProviderFactory;

/**
 * The hand-written {@code META-INF/services} files of this module against its compiled classes: every listed
 * class is a loadable provider factory with the SPEC §6 id, and every factory is listed.
 */
class ServiceRegistrationTest {

    /**
     * SPEC §6, plus the owner watch (a global admin-event listener the README's provider table lists): service
     * interface (services file name) to the provider id registered under it.
     */
    private static final Map<String, String> SPEC_IDS = Map.of(
            "org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory", "integrations",
            "dev.integrationbroker.lifecycle.spi.IntegrationLifecycleProviderFactory", "default",
            "org.keycloak.services.clientregistration.ClientRegistrationProviderFactory", "integration",
            "org.keycloak.events.EventListenerProviderFactory", "integration-owner-watch");

    /** Services files that register something other than a provider factory (an SPI definition). */
    private static final Map<String, String> SPI_DEFINITIONS = Map.of(
            "org.keycloak.provider.Spi", "dev.integrationbroker.lifecycle.spi.IntegrationLifecycleSpi");

    private static final String ROOT_PACKAGE = "dev/integrationbroker/lifecycle";

    /** This module's compiled main classes: the sibling of the directory holding this test class. */
    static Path classesDir() throws URISyntaxException {
        Path testClasses = Path.of(ServiceRegistrationTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.resolveSibling("classes");
    }

    static List<Path> servicesFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(classesDir().resolve("META-INF/services"))) {
            return files.sorted().toList();
        }
    }

    static List<String> entries(Path servicesFile) throws IOException {
        return Files.readAllLines(servicesFile).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    static Stream<Arguments> registrations() throws IOException, URISyntaxException {
        return servicesFiles().stream().flatMap(file -> {
            try {
                return entries(file).stream().map(entry -> Arguments.of(file.getFileName().toString(), entry));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, ServiceRegistrationTest.class.getClassLoader());
    }

    @Nested
    class ListedClasses {

        @ParameterizedTest(name = "{1}")
        @MethodSource("dev.integrationbroker.lifecycle.ServiceRegistrationTest#registrations")
        @DisplayName("given a listed class then it loads and implements the service named by its file")
        void implementsService(String service, String implementation) throws Exception {
            assertThat(load(service)).isAssignableFrom(load(implementation));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("dev.integrationbroker.lifecycle.ServiceRegistrationTest#registrations")
        @DisplayName("given a listed class then it is public, concrete and has a public no-arg constructor")
        void instantiable(String service, String implementation) throws Exception {
            Class<?> type = load(implementation);

            assertThat(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers())).isTrue();
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("dev.integrationbroker.lifecycle.ServiceRegistrationTest#registrations")
        @DisplayName("given a listed factory then getId() is its PROVIDER_ID constant and the SPEC §6 id")
        void specId(String service, String implementation) throws Exception {
            Class<?> type = load(implementation);
            if (SPI_DEFINITIONS.containsKey(service)) {
                org.keycloak.provider.Spi spi = (org.keycloak.provider.Spi) type.getConstructor().newInstance();
                assertThat(spi.getName()).isIn("integration-lifecycle", "integration-audit-backlog", "integration-audit-trail");
                return;
            }
            ProviderFactory<?> factory = (ProviderFactory<?>) type.getConstructor().newInstance();

            assertThat(factory.getId()).isEqualTo(type.getField("PROVIDER_ID").get(null)).isEqualTo(SPEC_IDS.get(service));
        }
    }

    @Nested
    class ServicesFiles {

        @Test
        @DisplayName("given the module then it registers exactly the SPEC §6 services")
        void expectedServices() throws Exception {
            assertThat(servicesFiles()).extracting(file -> file.getFileName().toString())
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(SPEC_IDS.keySet().stream(),
                            SPI_DEFINITIONS.keySet().stream()).toList());
        }

        @Test
        @DisplayName("given each services file then its entries are sorted and unique")
        void sortedAndUnique() throws Exception {
            for (Path file : servicesFiles()) {
                assertThat(entries(file)).as(file.getFileName().toString()).isSorted().doesNotHaveDuplicates();
            }
        }

        @Test
        @DisplayName("given every concrete factory compiled in the module then each is listed in a services file")
        void everyFactoryListed() throws Exception {
            List<String> listed = registrations().map(arguments -> (String) arguments.get()[1]).toList();

            assertThat(concreteFactories()).isNotEmpty().allSatisfy(name -> assertThat(listed).contains(name));
        }

        private List<String> concreteFactories() throws Exception {
            Path classes = classesDir();
            List<String> names;
            try (Stream<Path> files = Files.walk(classes.resolve(ROOT_PACKAGE))) {
                names = files.map(file -> classes.relativize(file).toString())
                        .filter(file -> file.endsWith(".class") && !file.contains("$"))
                        .map(file -> file.substring(0, file.length() - ".class".length()).replace(File.separatorChar, '.'))
                        .toList();
            }
            List<String> factories = new ArrayList<>();
            for (String name : names) {
                Class<?> type = load(name);
                boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
                if (concrete && (name.endsWith("Factory") || ProviderFactory.class.isAssignableFrom(type))) {
                    factories.add(name);
                }
            }
            return factories;
        }
    }
}
