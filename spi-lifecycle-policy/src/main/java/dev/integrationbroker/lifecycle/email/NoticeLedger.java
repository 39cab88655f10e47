package dev.integrationbroker.lifecycle.email;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.ClientModel;

import dev.integrationbroker.lifecycle.model.IntegrationAttributes;

/**
 * Which owner notices an integration already got, kept in the system attribute {@value IntegrationAttributes#NOTIFIED}
 * as {@code kind@cycle} entries, so each notice goes out once per integration, kind and review cycle, across nodes
 * and restarts. Only entries of the current cycle are kept.
 */
final class NoticeLedger {

    private NoticeLedger() {
    }

    static boolean sent(ClientModel client, String entry) {
        return entries(client).contains(entry);
    }

    /** Records the entries; entries of other cycles than {@code cycle} are dropped. */
    static void record(ClientModel client, String cycle, Set<String> newEntries) {
        Set<String> kept = entries(client).stream().filter(e -> e.endsWith("@" + cycle)).collect(Collectors.toCollection(LinkedHashSet::new));
        kept.addAll(newEntries);
        client.setAttribute(IntegrationAttributes.NOTIFIED, String.join(";", kept));
    }

    private static Set<String> entries(ClientModel client) {
        String value = client.getAttribute(IntegrationAttributes.NOTIFIED);
        return value == null || value.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split(";")));
    }
}
