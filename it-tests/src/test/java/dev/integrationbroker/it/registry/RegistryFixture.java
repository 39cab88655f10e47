package dev.integrationbroker.it.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.it.harness.JsonResponse;

/** Builders and assertions shared by the registry tests. */
final class RegistryFixture {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private RegistryFixture() {
    }

    /** Valid metadata for a new integration of the registry fixture realm. */
    static Map<String, String> validMetadata() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("integration.business-owner", "alice");
        attributes.put("integration.technical-owner", "bob");
        attributes.put("integration.purpose", "Exports invoices to the accounting system");
        attributes.put("integration.vendor", "ledger-co");
        attributes.put("integration.allowed-audiences", "billing-api");
        attributes.put("integration.allowed-scopes", "billing.read");
        return attributes;
    }

    /** A new confidential service-account client with the given attributes (null values are left out). */
    static ObjectNode newClient(Map<String, String> attributes) {
        ObjectNode client = MAPPER.createObjectNode()
                .put("clientId", "new-integration-" + SEQUENCE.incrementAndGet())
                .put("enabled", true)
                .put("publicClient", false)
                .put("secret", "new-integration-secret")
                .put("standardFlowEnabled", false)
                .put("serviceAccountsEnabled", true);
        ObjectNode attrs = client.putObject("attributes");
        attributes.forEach((name, value) -> {
            if (value != null) {
                attrs.put(name, value);
            }
        });
        return client;
    }

    /** Valid metadata with some attributes replaced (null removes one). */
    static Map<String, String> metadataWith(Map<String, String> changes) {
        Map<String, String> attributes = validMetadata();
        changes.forEach((name, value) -> {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        });
        return attributes;
    }

    static void assertRefused(JsonResponse response, String description) {
        dev.integrationbroker.it.harness.ErrorAnswers.assertError(response, 400, "invalid_client_metadata", description);
    }
}
