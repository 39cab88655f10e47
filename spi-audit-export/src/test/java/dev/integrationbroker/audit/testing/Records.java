package dev.integrationbroker.audit.testing;

import java.time.Instant;
import java.util.List;

import dev.integrationbroker.audit.record.AuditDetails;
import dev.integrationbroker.audit.record.AuditRecord;
import dev.integrationbroker.audit.record.IntegrationView;
import dev.integrationbroker.audit.record.Outcome;
import dev.integrationbroker.audit.record.RecordTypes;

/** Sample records for tests. */
public final class Records {

    public static final IntegrationView CRM = new IntegrationView("alice", "bob", "Syncs CRM contacts nightly", "acme", "active",
            "2026-06-01T00:00:00Z");

    private Records() {
    }

    public static AuditRecord issued(String id, Instant time) {
        return new AuditRecord(id, time, "acme-corp", RecordTypes.TOKEN_ISSUED, Outcome.SUCCESS, "crm-sync", CRM, "crm-sync", "10.0.0.7",
                AuditDetails.builder().grantType("client_credentials").scopeGranted(List.of("contacts:read")).ttl(300L).build());
    }
}
