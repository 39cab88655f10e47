package dev.integrationbroker.lifecycle.events;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.BUSINESS_OWNER;
import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.OWNER_INVALID_SINCE;
import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.TECHNICAL_OWNER;

import java.time.Instant;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

import dev.integrationbroker.lifecycle.inventory.ClientPages;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.model.Rfc3339;
import dev.integrationbroker.lifecycle.policy.PolicyMode;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;
import dev.integrationbroker.lifecycle.rules.OwnerState;

/**
 * Starts the orphan-grace clock ({@code integration.owner-invalid-since}) the moment an owner stops being valid:
 * at once when an owner is deleted or disabled through the admin API ({@link OwnerAdminEvents}), and otherwise
 * (a user disabled by a federation sync, say) at the first token request or sweep that finds it. The clock stops
 * when both owners are valid again.
 */
public final class OwnerWatch implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(OwnerWatch.class);

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed && removed.getUser().getServiceAccountClientLink() == null) {
            ownerGone(removed.getKeycloakSession(), removed.getRealm(), removed.getUser().getUsername());
        }
    }

    private static void ownerGone(KeycloakSession session, RealmModel realm, String username) {
        startClocks(session, realm, () -> username, "a deleted owner");
    }

    /**
     * An owner's account was updated through the admin API: if the user is now disabled, the clock of each
     * integration they own starts at once. Re-enabling is left to the next token request or sweep, which stop
     * the clock once both owners are valid, so an ordinary profile edit costs no walk over the realm's clients.
     */
    public static void ownerUpdated(KeycloakSession session, RealmModel realm, String userId) {
        startClocks(session, realm, () -> {
            UserModel user = session.users().getUserById(realm, userId);
            boolean disabledOwner = user != null && !user.isEnabled() && user.getServiceAccountClientLink() == null;
            return disabledOwner ? user.getUsername() : null;
        }, "a disabled owner");
    }

    /**
     * Starts the clock of every integration the owner named by {@code owner} (none when it answers null) owns, in
     * an enforcing realm. Walks the realm's clients page by page (client attributes are not searchable unless the
     * server is configured so); never lets a failure here break the user's deletion or update itself.
     */
    private static void startClocks(KeycloakSession session, RealmModel realm, Supplier<String> owner, String whose) {
        try {
            if (RealmPolicyStore.read(realm).mode() != PolicyMode.ENFORCE) {
                return;
            }
            String username = owner.get();
            if (username == null) {
                return;
            }
            Instant now = Instant.now();
            ClientPages.forEach(session, realm, client -> {
                if (owns(username, client)) {
                    startClock(session, client, now);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("realm %s: could not mark the integrations of %s: %s", realm.getName(), whose, e.getMessage());
        }
    }

    private static boolean owns(String username, ClientModel client) {
        return username.equals(client.getAttribute(BUSINESS_OWNER)) || username.equals(client.getAttribute(TECHNICAL_OWNER));
    }

    /** Keeps the clock in step with the owners' state seen now; writes only when the state changes. */
    public static void observe(KeycloakSession session, ClientModel client, OwnerState owners, Instant now) {
        Integration integration = Integration.of(client);
        if (owners != OwnerState.VALID) {
            startClock(session, client, now);
        } else if (integration.ownerInvalidSince().isPresent()) {
            WriteMarks.systemWrite(session, () -> client.removeAttribute(OWNER_INVALID_SINCE));
        }
    }

    private static void startClock(KeycloakSession session, ClientModel client, Instant now) {
        if (client.getAttribute(OWNER_INVALID_SINCE) == null) {
            WriteMarks.systemWrite(session, () -> client.setAttribute(OWNER_INVALID_SINCE, Rfc3339.format(now)));
        }
    }
}
