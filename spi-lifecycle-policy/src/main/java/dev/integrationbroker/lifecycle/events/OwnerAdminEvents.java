package dev.integrationbroker.lifecycle.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Reacts to an owner's account being updated through the admin API or console: when the user is disabled, the
 * orphan-grace clock of every integration they own starts at once, in the same transaction, instead of at the
 * next token request or sweep. (Deleted owners are seen through Keycloak's user-removed event instead.)
 */
public final class OwnerAdminEvents implements EventListenerProvider {

    private static final Pattern USER_PATH = Pattern.compile("users/([^/]+)");

    private final KeycloakSession session;

    public OwnerAdminEvents(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        // user events (logins etc.) never change an owner's state
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        userUpdated(event).ifPresent(userId -> {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            if (realm != null) {
                OwnerWatch.ownerUpdated(session, realm, userId);
            }
        });
    }

    /** The id of the user an admin event updated, for an update of the user itself (not of its sub-resources). */
    static Optional<String> userUpdated(AdminEvent event) {
        if (event.getResourceType() != ResourceType.USER || event.getOperationType() != OperationType.UPDATE
                || event.getResourcePath() == null) {
            return Optional.empty();
        }
        Matcher path = USER_PATH.matcher(event.getResourcePath());
        return path.matches() ? Optional.of(path.group(1)) : Optional.empty();
    }

    @Override
    public void close() {
        // nothing held
    }
}
