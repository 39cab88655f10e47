package dev.integrationbroker.audit.record;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit record (SPEC §5) before it joins its realm's hash chain. {@code seq}, {@code prevHash} and
 * {@code hash} are added when the record is chained.
 *
 * @param id the Keycloak event id where one exists, else a random UUID (consumers deduplicate by it)
 * @param time when the event happened
 * @param realm the realm name
 * @param type one of {@link RecordTypes}, or a type given through {@code AuditTrailProvider#record}
 * @param clientId the OAuth client id the record is about; null for realm-level records
 * @param integration the integration's metadata at the time of the event; null for unregistered clients
 * @param actor the admin username, or the client id for token records, or {@code system}
 * @param ip the caller's address, when there was a caller
 */
public record AuditRecord(String id, Instant time, String realm, String type, Outcome outcome, String clientId,
        IntegrationView integration, String actor, String ip, AuditDetails details) {

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? AuditDetails.NONE : details;
    }
}
