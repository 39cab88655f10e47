package dev.integrationbroker.audit.events;

import java.util.Optional;

import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;

/**
 * User events of the trail: token events of audited clients (in realms whose policy mode is not {@code off}), and
 * dynamic client registration of integrations ({@code CLIENT_REGISTER}, {@code CLIENT_UPDATE},
 * {@code CLIENT_DELETE}), recorded like admin changes with actor {@value #REGISTRATION_ACTOR}.
 */
final class UserEventAudit {

    static final String REGISTRATION_ACTOR = "client-registration";

    private final AuditAppender appender;
    private final ClientAudit clients;

    UserEventAudit(AuditAppender appender, ClientAudit clients) {
        this.appender = appender;
        this.clients = clients;
    }

    void handle(KeycloakSession session, Event event) {
        Optional<String> tokenType = TokenEventRecords.typeOf(event.getType());
        boolean registration = event.getType() == EventType.CLIENT_REGISTER || event.getType() == EventType.CLIENT_UPDATE
                || event.getType() == EventType.CLIENT_DELETE;
        if (tokenType.isEmpty() && !registration) {
            return;
        }
        RealmModel realm = event.getRealmId() == null ? null : session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        if (tokenType.isPresent()) {
            token(session, realm, event, tokenType.get());
        } else {
            registration(session, realm, event);
        }
    }

    private void token(KeycloakSession session, RealmModel realm, Event event, String type) {
        RealmPolicy policy = RealmPolicyStore.read(realm);
        if (!policy.active()) {
            return;
        }
        ClientModel client = event.getClientId() == null ? null : realm.getClientByClientId(event.getClientId());
        Optional<AuditedClient> audited = AuditedClient.of(policy, client);
        if (audited.isPresent()) {
            String realmName = event.getRealmName() != null ? event.getRealmName() : realm.getName();
            AuditRecord record = TokenEventRecords.of(event, type, realmName, audited.get().integration());
            appender.append(session, realm.getId(), record);
        }
    }

    private void registration(KeycloakSession session, RealmModel realm, Event event) {
        EventContext context = EventContext.of(event.getId(), event.getTime(), REGISTRATION_ACTOR, event.getIpAddress());
        ClientModel client = event.getClientId() == null ? null : realm.getClientByClientId(event.getClientId());
        switch (event.getType()) {
            case CLIENT_REGISTER -> clients.created(session, realm, client, context);
            case CLIENT_UPDATE -> clients.updated(session, realm, client, context);
            case CLIENT_DELETE -> clients.deleted(session, realm, null, event.getClientId(), context);
            default -> {
                // not a registration event
            }
        }
    }
}
