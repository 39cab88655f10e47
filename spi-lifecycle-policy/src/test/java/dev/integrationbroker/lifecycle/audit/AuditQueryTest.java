package dev.integrationbroker.lifecycle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    @DisplayName("given from after to or an unknown outcome then the message names the parameter")
    void invalid() {
        assertThatThrownBy(() -> new AuditQuery(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"), null, null,
                null, 0, 0)).hasMessage("from: must not be after to");
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, "ok", 0, 0)).hasMessage("outcome: must be success or failure");
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, 0, -1)).hasMessage("limit: must not be negative");
    }

    @Test
    @DisplayName("given filters then a record matches only when it passes every one; from inclusive, to exclusive")
    void matches() {
        AuditQuery query = new AuditQuery(Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000), "crm", "token.issued", "success", 0, 0);

        assertThat(query.matches(1000, "token.issued", "success", "crm")).isTrue();
        assertThat(query.matches(2000, "token.issued", "success", "crm")).isFalse();
        assertThat(query.matches(1500, "token.refused", "success", "crm")).isFalse();
        assertThat(query.matches(1500, "token.issued", "success", "other")).isFalse();
        assertThat(AuditQuery.all().matches(0, "x", "failure", null)).isTrue();
    }

    @Test
    @DisplayName("given a verification then its JSON is intact, records and firstBrokenSeq (null when intact)")
    void verificationJson() {
        assertThat(new AuditVerification(true, 3, null).toJson().toString()).isEqualTo("{\"intact\":true,\"records\":3,\"firstBrokenSeq\":null}");
        assertThat(new AuditVerification(false, 3, 2L).toJson().toString()).isEqualTo("{\"intact\":false,\"records\":3,\"firstBrokenSeq\":2}");
        assertThatThrownBy(() -> new AuditVerification(true, 3, 2L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("given an entry type that is not a dotted lowercase name then it is refused")
    void entryType() {
        assertThatThrownBy(() -> new AuditEntry("Transition", true, "system", null, null, Map.of()))
                .hasMessageStartingWith("type: must be a dotted lowercase name");
        assertThat(AuditEntry.transition("grace", "suspended", "review-lapsed", true).type()).isEqualTo("lifecycle.transition");
        assertThat(AuditEntry.transition("grace", "suspended", "review-lapsed", false).type()).isEqualTo("lifecycle.would-transition");
    }
}
