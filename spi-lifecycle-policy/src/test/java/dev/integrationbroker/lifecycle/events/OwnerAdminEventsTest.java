package dev.integrationbroker.lifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/** Only an update of the user itself can disable an owner; sub-resources and other operations are not looked at. */
class OwnerAdminEventsTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @DisplayName("given an admin event then only an update of users/{id} names a user to check")
    @CsvSource(nullValues = "null", value = {
            "USER, UPDATE, users/7f3c, 7f3c",
            "USER, UPDATE, users/7f3c/reset-password, null",
            "USER, ACTION, users/7f3c, null",
            "USER, CREATE, users/7f3c, null",
            "USER, DELETE, users/7f3c, null",
            "CLIENT, UPDATE, clients/7f3c, null",
            "USER, UPDATE, null, null",
            "REALM_ROLE_MAPPING, UPDATE, users/7f3c/role-mappings/realm, null"})
    void userUpdated(ResourceType type, OperationType operation, String path, String expected) {
        AdminEvent event = new AdminEvent();
        event.setResourceType(type);
        event.setOperationType(operation);
        event.setResourcePath(path);

        assertThat(OwnerAdminEvents.userUpdated(event).orElse(null)).isEqualTo(expected);
    }
}
