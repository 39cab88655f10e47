package dev.integrationbroker.audit.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An optional hook for exact "old" values: a component that sees a client before an update is applied (the
 * issuance gate's client-policy executor receives {@code UPDATE} before Keycloak writes the representation) may put
 * {@code Map<String, String>} of the client's attributes under the session attribute {@link #ATTRIBUTE_PREFIX} +
 * the client's internal id. When present it wins over the stored snapshot.
 */
public final class ClientPreImage {

    public static final String ATTRIBUTE_PREFIX = "integration-audit.client-pre-image.";

    private ClientPreImage() {
    }

    static Optional<ObjectNode> read(KeycloakSession session, String clientUuid) {
        Object value = session.getAttribute(ATTRIBUTE_PREFIX + clientUuid);
        if (!(value instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        map.forEach((key, item) -> {
            if (key instanceof String name && item instanceof String text) {
                attributes.put(name, text);
            }
        });
        return Optional.of(MetadataDiff.adminAttributes(attributes));
    }
}
