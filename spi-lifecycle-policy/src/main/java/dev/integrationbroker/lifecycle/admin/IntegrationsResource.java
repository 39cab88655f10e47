package dev.integrationbroker.lifecycle.admin;

import jakarta.ws.rs.Path;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Root of {@code /admin/realms/{realm}/integrations}: routes to the policy, inventory and action resources. */
public final class IntegrationsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    IntegrationsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** {@code GET|PUT .../integrations/policy}. */
    @Path("policy")
    public PolicyResource policy() {
        return new PolicyResource(session, realm, auth, adminEvent);
    }
}
