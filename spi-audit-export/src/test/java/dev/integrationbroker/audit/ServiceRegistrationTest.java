package dev.integrationbroker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;

import dev.integrationbroker.audit.events.IntegrationAuditEventListenerProviderFactory;
import dev.integrationbroker.audit.jpa.AuditJpaEntityProvider;
import dev.integrationbroker.audit.jpa.AuditJpaEntityProviderFactory;

/**
 * The hand-written {@code META-INF/services} files of this module against its compiled classes: every listed
 * class is a loadable provider factory (or SPI) with its documented id, and every factory is listed.
 */
class ServiceRegistrationTest {

    /** Service interface (services file name) to the provider id registered under it. */
    private static final Map<String, String> IDS = Map.of(
            "org.keycloak.events.EventListenerProviderFactory", "integration-audit",
            "org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory", "ib-audit-outbox",
            "dev.integrationbroker.lifecycle.audit.AuditBacklogProviderFactory", "default",
            "dev.integrationbroker.lifecycle.audit.AuditTrailProviderFactory", "default");

    /** SPI definitions: class to SPI name. */
    private static final Map<String, String> SPIS = Map.of(
            "dev.integrationbroker.lifecycle.audit.AuditBacklogSpi", "integration-audit-backlog",
            "dev.integrationbroker.lifecycle.audit.AuditTrailSpi", "integration-audit-trail");

    private static final String SPI_SERVICE = "org.keycloak.provider.Spi";
    private static final String ROOT_PACKAGE = "dev/integrationbroker/audit";

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
        return Files.readAllLines(servicesFile).stream().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
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
        @MethodSource("dev.integrationbroker.audit.ServiceRegistrationTest#registrations")
        @DisplayName("given a listed class then it loads and implements the service named by its file")
        void implementsService(String service, String implementation) throws Exception {
            assertThat(load(service)).isAssignableFrom(load(implementation));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("dev.integrationbroker.audit.ServiceRegistrationTest#registrations")
        @DisplayName("given a listed class then it is public, concrete and has a public no-arg constructor")
        void instantiable(String service, String implementation) throws Exception {
            Class<?> type = load(implementation);

            assertThat(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers())).isTrue();
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("dev.integrationbroker.audit.ServiceRegistrationTest#registrations")
        @DisplayName("given a listed factory then getId() is its PROVIDER_ID constant and the documented id")
        void ids(String service, String implementation) throws Exception {
            Class<?> type = load(implementation);
            if (service.equals(SPI_SERVICE)) {
                org.keycloak.provider.Spi spi = (org.keycloak.provider.Spi) type.getConstructor().newInstance();
                assertThat(spi.getName()).isEqualTo(SPIS.get(implementation));
                assertThat(spi.isInternal()).isFalse();
                return;
            }
            ProviderFactory<?> factory = (ProviderFactory<?>) type.getConstructor().newInstance();

            assertThat(factory.getId()).isEqualTo(type.getField("PROVIDER_ID").get(null)).isEqualTo(IDS.get(service));
        }
    }

    @Nested
    class ServicesFiles {

        @Test
        @DisplayName("given the module then it registers exactly its factories and SPIs")
        void expectedServices() throws Exception {
            // the SPI definitions live in spi-lifecycle-policy (package dev.integrationbroker.lifecycle.audit)
            List<String> expected = new ArrayList<>(IDS.keySet());

            assertThat(servicesFiles()).extracting(file -> file.getFileName().toString()).containsExactlyInAnyOrderElementsOf(expected);
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

    @Nested
    class Providers {

        @Test
        @DisplayName("given the listener factory then it is global and declares every SPEC §6 option")
        void listener() {
            IntegrationAuditEventListenerProviderFactory factory = new IntegrationAuditEventListenerProviderFactory();

            assertThat(factory.isGlobal()).isTrue();
            assertThat(factory.getConfigMetadata()).extracting(ProviderConfigProperty::getName)
                    .containsExactly("sink", "directory", "format", "webhook-url", "webhook-secret", "max-backlog", "fail-closed");
            assertThat(factory.getConfigMetadata()).filteredOn(p -> p.getName().equals("webhook-secret"))
                    .allSatisfy(p -> assertThat(p.isSecret()).isTrue());
        }

        @Test
        @DisplayName("given the JPA provider then its entities live outside org.keycloak and its changelog creates their tables")
        void jpa() throws IOException {
            AuditJpaEntityProvider provider = (AuditJpaEntityProvider) new AuditJpaEntityProviderFactory().create(null);
            String changelog;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(provider.getChangelogLocation())) {
                assertThat(in).as(provider.getChangelogLocation()).isNotNull();
                changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }

            assertThat(provider.getEntities()).allSatisfy(type -> assertThat(type.getPackageName()).doesNotStartWith("org.keycloak"));
            assertThat(provider.getFactoryId()).isEqualTo(AuditJpaEntityProviderFactory.PROVIDER_ID);
            assertThat(changelog).contains("tableName=\"IB_AUDIT_RECORD\"", "tableName=\"IB_AUDIT_CHAIN\"", "tableName=\"IB_AUDIT_SNAPSHOT\"");
            assertThat(getClass().getClassLoader().getResource("META-INF/persistence.xml")).isNull();
        }
    }
}
