package dev.integrationbroker.lifecycle.validation;

import static dev.integrationbroker.lifecycle.model.IntegrationAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A client-representation write as Keycloak applies it to attributes. */
class AttributeWriteTest {

    private static final Map<String, String> BEFORE = Map.of(
            BUSINESS_OWNER, "alice",
            TECHNICAL_OWNER, "bob",
            PURPOSE, "Syncs CRM contacts nightly");

    @Nested
    class Apply {

        @Test
        @DisplayName("given a blank value then the attribute is removed and counts as changed")
        void blankRemoves() {
            AttributeWrite write = AttributeWrite.of(BEFORE, Map.of(PURPOSE, "  "));

            assertThat(write.after()).doesNotContainKey(PURPOSE);
            assertThat(write.changed()).containsExactly(PURPOSE);
        }

        @Test
        @DisplayName("given a null value then the attribute is removed")
        void nullRemoves() {
            Map<String, String> proposed = new HashMap<>();
            proposed.put(TECHNICAL_OWNER, null);

            AttributeWrite write = AttributeWrite.of(BEFORE, proposed);

            assertThat(write.after()).doesNotContainKey(TECHNICAL_OWNER);
            assertThat(write.changed()).containsExactly(TECHNICAL_OWNER);
        }

        @Test
        @DisplayName("given an attribute absent from the write then it is kept and not changed")
        void absentKeeps() {
            AttributeWrite write = AttributeWrite.of(BEFORE, Map.of(VENDOR, "acme"));

            assertThat(write.after()).containsAllEntriesOf(BEFORE).containsEntry(VENDOR, "acme");
            assertThat(write.changed()).containsExactly(VENDOR);
        }

        @Test
        @DisplayName("given the same value written again then it is not changed")
        void sameValueUnchanged() {
            AttributeWrite write = AttributeWrite.of(BEFORE, Map.of(BUSINESS_OWNER, "alice", PURPOSE, "Syncs CRM contacts hourly"));

            assertThat(write.changed()).containsExactly(PURPOSE);
            assertThat(write.after()).containsEntry(PURPOSE, "Syncs CRM contacts hourly");
        }

        @Test
        @DisplayName("given a blank value for an attribute that was absent then nothing changes")
        void blankOnAbsent() {
            AttributeWrite write = AttributeWrite.of(BEFORE, Map.of(VENDOR, ""));

            assertThat(write.changed()).isEmpty();
            assertThat(write.after()).isEqualTo(BEFORE);
        }

        @Test
        @DisplayName("given a new client then before is empty and every non-blank attribute is changed")
        void newClient() {
            AttributeWrite write = AttributeWrite.of(null, Map.of(BUSINESS_OWNER, "alice", VENDOR, " "));

            assertThat(write.before()).isEmpty();
            assertThat(write.after()).containsExactly(Map.entry(BUSINESS_OWNER, "alice"));
            assertThat(write.changed()).containsExactly(BUSINESS_OWNER);
        }

        @Test
        @DisplayName("given no proposed attributes then after equals before and nothing changes")
        void nullProposed() {
            AttributeWrite write = AttributeWrite.of(BEFORE, null);

            assertThat(write.after()).isEqualTo(BEFORE);
            assertThat(write.changed()).isEmpty();
        }

        @Test
        @DisplayName("given stored blank attributes then they read as absent before the write")
        void storedBlanksDropped() {
            Map<String, String> before = new HashMap<>(BEFORE);
            before.put(VENDOR, " ");
            before.put(EXPIRES_AT, null);

            AttributeWrite write = AttributeWrite.of(before, Map.of());

            assertThat(write.before()).isEqualTo(BEFORE);
            assertThat(write.after()).isEqualTo(BEFORE);
        }
    }
}
