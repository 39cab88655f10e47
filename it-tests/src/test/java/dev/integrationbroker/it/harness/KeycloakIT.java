package dev.integrationbroker.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a black-box test class that runs against the one Keycloak server of this test run.
 * Test methods and constructors may declare a {@link KeycloakServer} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("it")
@ExtendWith(KeycloakServerExtension.class)
public @interface KeycloakIT {
}
