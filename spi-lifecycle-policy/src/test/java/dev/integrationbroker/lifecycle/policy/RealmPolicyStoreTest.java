package dev.integrationbroker.lifecycle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.models.RealmModel;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The realm attribute that holds the policy. */
@ExtendWith(MockitoExtension.class)
class RealmPolicyStoreTest {

    @Mock
    RealmModel realm;

    @Test
    @DisplayName("given a realm that never saved a policy then the defaults apply")
    void absentIsDefaults() {
        assertThat(RealmPolicyStore.read(realm)).isSameAs(RealmPolicy.DEFAULTS);
    }

    @Test
    @DisplayName("given a stored partial policy then the stored keys apply over the defaults")
    void storedPartial() {
        when(realm.getAttribute(RealmPolicyStore.ATTRIBUTE)).thenReturn("{\"grace-days\": 4}");

        assertThat(RealmPolicyStore.read(realm).graceDays()).isEqualTo(4);
    }

    @Test
    @DisplayName("given a stored value edited into an invalid one then the enforcing defaults apply")
    void invalidIsDefaults() {
        when(realm.getAttribute(RealmPolicyStore.ATTRIBUTE)).thenReturn("{\"mode\": \"off\", \"max-token-ttl\": -1}");
        when(realm.getName()).thenReturn("acme");

        assertThat(RealmPolicyStore.read(realm)).isSameAs(RealmPolicy.DEFAULTS);
    }

    @Test
    @DisplayName("given a policy then it is written as its compact JSON text")
    void write() {
        RealmPolicyStore.write(realm, RealmPolicy.DEFAULTS);

        verify(realm).setAttribute(RealmPolicyStore.ATTRIBUTE, RealmPolicyJson.toText(RealmPolicy.DEFAULTS));
    }
}
