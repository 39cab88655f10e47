package dev.integrationbroker.lifecycle.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A realm's audit trail (SPEC §5), backed by the outbox table: records are kept after delivery. Every method works
 * in the calling session's transaction.
 */
public interface AuditTrailProvider extends Provider {

    /**
     * Appends a record that no Keycloak event describes (lifecycle transitions, reminders sent, monitor-mode gate
     * decisions) in the current transaction, so it commits or rolls back with the change it describes. The
     * record's {@code integration} block is read from {@code client} now.
     *
     * @param client the integration the record is about, or null for a realm-level record
     * @throws IllegalArgumentException when the entry's type is not a dotted lowercase name
     */
    void record(RealmModel realm, ClientModel client, AuditEntry entry);

    /**
     * Hands every chained record of the realm that matches the query to {@code consumer}, in {@code seq} order, a
     * page at a time (memory stays flat in the number of records). Records appear once chained, normally within a
     * second of their commit.
     */
    void stream(RealmModel realm, AuditQuery query, Consumer<JsonNode> consumer);

    /**
     * Writes the matching records to {@code out} in the given format: a JSON array, JSON Lines, or CSV with a
     * header row and the record's fields flattened with dots ({@code integration.businessOwner},
     * {@code details.scopeGranted}); spreadsheet formulas are neutralised. Does not close {@code out}.
     */
    void export(RealmModel realm, AuditQuery query, AuditExportFormat format, OutputStream out) throws IOException;

    /** Walks the realm's chain in {@code seq} order and recomputes every hash. */
    AuditVerification verify(RealmModel realm);

    /**
     * Verifies an exported segment of the chain (JSON Lines, as the file sink and the export write them): the
     * records must follow each other from the first one's {@code seq} and {@code prevHash}, and each must hash to
     * its {@code hash}. Reads line by line.
     */
    AuditVerification verifyExport(java.io.InputStream jsonLines) throws IOException;
}
