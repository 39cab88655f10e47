package dev.integrationbroker.audit.trail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.chain.ChainHead;
import dev.integrationbroker.audit.chain.ChainVerifier;
import dev.integrationbroker.audit.events.AuditAppender;
import dev.integrationbroker.audit.export.AuditExportWriter;
import dev.integrationbroker.audit.outbox.OutboxRecord;
import dev.integrationbroker.audit.outbox.OutboxRepository;
import dev.integrationbroker.audit.record.Json;
import dev.integrationbroker.lifecycle.audit.AuditEntry;
import dev.integrationbroker.lifecycle.audit.AuditExportFormat;
import dev.integrationbroker.lifecycle.audit.AuditQuery;
import dev.integrationbroker.lifecycle.audit.AuditTrailProvider;
import dev.integrationbroker.lifecycle.audit.AuditVerification;

/** The trail over the outbox table, in the session's transaction, a page at a time. */
public final class DefaultAuditTrailProvider implements AuditTrailProvider {

    static final int PAGE = 500;

    private static final Logger LOG = Logger.getLogger(DefaultAuditTrailProvider.class);

    private final KeycloakSession session;
    private final OutboxRepository repository;
    private final AuditAppender appender;
    private final Clock clock;

    /** @param appender null when the listener is disabled: then nothing is recorded */
    DefaultAuditTrailProvider(KeycloakSession session, OutboxRepository repository, AuditAppender appender, Clock clock) {
        this.session = session;
        this.repository = repository;
        this.appender = appender;
        this.clock = clock;
    }

    @Override
    public void record(RealmModel realm, ClientModel client, AuditEntry entry) {
        if (appender == null) {
            LOG.warnf("integration-audit listener is disabled: %s in realm %s not recorded", entry.type(), realm.getName());
            return;
        }
        appender.append(session, realm.getId(), EntryRecords.of(realm, client, entry, clock.instant()));
    }

    @Override
    public void stream(RealmModel realm, AuditQuery query, Consumer<JsonNode> consumer) {
        long after = query.afterSeq();
        long remaining = query.limit() == 0 ? Long.MAX_VALUE : query.limit();
        while (remaining > 0) {
            int size = (int) Math.min(PAGE, remaining);
            List<OutboxRecord> page = repository.page(realm.getId(), query, after, size);
            for (OutboxRecord record : page) {
                consumer.accept(readable(record));
                after = record.seq();
            }
            remaining -= page.size();
            if (page.size() < size) {
                return;
            }
        }
    }

    @Override
    public void export(RealmModel realm, AuditQuery query, AuditExportFormat format, OutputStream out) throws IOException {
        AuditExportWriter writer = new AuditExportWriter(format, out);
        writer.start();
        try {
            stream(realm, query, writer);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.finish();
    }

    @Override
    public AuditVerification verify(RealmModel realm) {
        // the head first: records chained while we walk lie beyond it and are left for the next verification
        ChainHead head = repository.head(realm.getId());
        ChainVerifier verifier = new ChainVerifier();
        long after = 0;
        while (true) {
            List<OutboxRecord> page = repository.chainSlice(realm.getId(), after, head.seq(), PAGE);
            for (OutboxRecord record : page) {
                verifier.accept(parseOrEmpty(record.body()));
                after = record.seq();
            }
            if (page.size() < PAGE) {
                return verifier.finish(head);
            }
        }
    }

    @Override
    public AuditVerification verifyExport(java.io.InputStream jsonLines) throws IOException {
        ChainVerifier verifier = null;
        java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(jsonLines, java.nio.charset.StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode record = parseOrEmpty(line);
            if (verifier == null) {
                verifier = new ChainVerifier(Math.max(1, record.path("seq").asLong(1)), record.path("prevHash").asText(""));
            }
            verifier.accept(record);
        }
        return verifier == null ? new AuditVerification(true, 0, null) : verifier.finish();
    }

    @Override
    public void close() {
        // nothing held per session
    }

    /** A stored body that no longer parses is shown as such, never dropped silently. */
    private static JsonNode readable(OutboxRecord record) {
        try {
            return Json.parseObject(record.body());
        } catch (IllegalArgumentException e) {
            ObjectNode marker = JsonNodeFactory.instance.objectNode();
            marker.put("id", record.id());
            marker.put("seq", record.seq());
            marker.put("unreadable", true);
            return marker;
        }
    }

    private static JsonNode parseOrEmpty(String body) {
        try {
            return Json.parseObject(body);
        } catch (IllegalArgumentException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
