package dev.integrationbroker.lifecycle.inventory;

import java.util.List;
import java.util.function.Consumer;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Walks a realm's clients page by page, so memory stays flat in the number of clients. */
public final class ClientPages {

    static final int PAGE = 500;

    private ClientPages() {
    }

    public static void forEach(KeycloakSession session, RealmModel realm, Consumer<ClientModel> action) {
        int first = 0;
        while (true) {
            List<ClientModel> page = session.clients().getClientsStream(realm, first, PAGE).toList();
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            first += PAGE;
        }
    }
}
