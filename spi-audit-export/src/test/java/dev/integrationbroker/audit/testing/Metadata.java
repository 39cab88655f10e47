package dev.integrationbroker.audit.testing;

import java.util.HashMap;
import java.util.Map;

/** Integration metadata attributes for tests. */
public final class Metadata {

    private Metadata() {
    }

    /** A complete, active integration of vendor acme. */
    public static Map<String, String> crm() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("integration.business-owner", "alice");
        attributes.put("integration.technical-owner", "bob");
        attributes.put("integration.purpose", "Syncs CRM contacts nightly");
        attributes.put("integration.vendor", "acme");
        attributes.put("integration.allowed-audiences", "contacts-api");
        attributes.put("integration.allowed-scopes", "contacts:read");
        attributes.put("integration.status", "active");
        attributes.put("integration.next-review", "2026-06-01T00:00:00Z");
        attributes.put("client.secret.creation.time", "1767225600");
        return attributes;
    }

    public static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> copy = new HashMap<>(base);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }
}
