package dev.integrationbroker.lifecycle.admin;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.lifecycle.inventory.ClientPages;
import dev.integrationbroker.lifecycle.inventory.CsvWriter;
import dev.integrationbroker.lifecycle.inventory.InventoryFilter;
import dev.integrationbroker.lifecycle.inventory.InventoryItem;
import dev.integrationbroker.lifecycle.model.Integration;
import dev.integrationbroker.lifecycle.policy.RealmPolicy;
import dev.integrationbroker.lifecycle.policy.RealmPolicyStore;

/** The inventory listings (SPEC §2.2), as JSON pages or a streamed CSV, of the clients the caller may view. */
final class InventoryResource {

    static final int MAX_PAGE = 1000;
    static final String CSV = "text/csv";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    InventoryResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    Response integrations(InventoryFilter filter, Integer first, Integer max, boolean csv) {
        RealmPolicy policy = RealmPolicyStore.read(realm);
        Instant now = Instant.now();
        if (csv) {
            StreamingOutput stream = output -> {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
                CsvWriter csvWriter = new CsvWriter(writer, InventoryItem.FIELDS);
                csvWriter.header();
                ClientPages.forEach(session, realm, client -> {
                    if (visibleIntegration(client) && filter.matches(Integration.of(client))) {
                        try {
                            csvWriter.row(InventoryItem.integration(client, policy, now));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
                writer.flush();
            };
            return Response.ok(stream, CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"integrations-" + realm.getName() + ".csv\"").build();
        }
        int from = first == null ? 0 : first;
        int size = max == null ? 100 : max;
        if (from < 0) {
            throw AdminErrors.badRequest("first: must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw AdminErrors.badRequest("max: must be from 1 to " + MAX_PAGE);
        }
        List<ObjectNode> page = new ArrayList<>();
        AtomicInteger total = new AtomicInteger();
        ClientPages.forEach(session, realm, client -> {
            if (visibleIntegration(client) && filter.matches(Integration.of(client))) {
                int index = total.getAndIncrement();
                if (index >= from && page.size() < size) {
                    page.add(InventoryItem.integration(client, policy, now));
                }
            }
        });
        ArrayNode body = MAPPER.createArrayNode();
        page.forEach(body::add);
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).header("X-Total-Count", total.get()).build();
    }

    Response unregistered() {
        Instant now = Instant.now();
        ArrayNode body = MAPPER.createArrayNode();
        ClientPages.forEach(session, realm, client -> {
            if (client.isServiceAccountsEnabled() && !client.isPublicClient() && !Integration.isIntegration(client) && auth.clients().canView(client)) {
                body.add(InventoryItem.unregistered(client, now));
            }
        });
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).header("X-Total-Count", body.size()).build();
    }

    private boolean visibleIntegration(ClientModel client) {
        return Integration.isIntegration(client) && auth.clients().canView(client);
    }
}
