package dev.integrationbroker.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.AuditRecordJson;
import dev.integrationbroker.audit.record.JtiDigest;
import dev.integrationbroker.lifecycle.audit.AuditVerification;
import dev.integrationbroker.audit.testing.Records;

class ChainVerifierTest {

    private List<ObjectNode> chain;
    private ChainHead head;

    @BeforeEach
    void fiveLinkedRecords() {
        chain = new ArrayList<>();
        head = ChainHead.EMPTY;
        for (int i = 1; i <= 5; i++) {
            ObjectNode record = AuditRecordJson.toJson(Records.issued("id-" + i, Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i)));
            head = ChainHasher.link(record, head);
            chain.add(record);
        }
    }

    private AuditVerification verify(List<ObjectNode> records, ChainHead against) {
        ChainVerifier verifier = new ChainVerifier();
        records.forEach(verifier::accept);
        return against == null ? verifier.finish() : verifier.finish(against);
    }

    @Nested
    class Linking {

        @Test
        @DisplayName("given linked records then seq counts from 1 and each prevHash is the previous hash, the first the genesis")
        void links() {
            assertThat(chain).extracting(r -> r.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(chain.get(0).get("prevHash").asText()).isEqualTo(ChainHasher.GENESIS).hasSize(64);
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).get("prevHash").asText()).isEqualTo(chain.get(i - 1).get("hash").asText());
            }
            assertThat(head).isEqualTo(new ChainHead(5, chain.get(4).get("hash").asText()));
        }

        @Test
        @DisplayName("given a record then hash is lowercase hex SHA-256 of its canonical form without hash")
        void hashRule() {
            ObjectNode first = chain.get(0);
            ObjectNode withoutHash = first.deepCopy();
            withoutHash.remove("hash");

            assertThat(first.get("hash").asText()).matches("[0-9a-f]{64}")
                    .isEqualTo(JtiDigest.sha256Hex(CanonicalJson.bytes(withoutHash)));
        }
    }

    @Nested
    class Verdicts {

        @Test
        @DisplayName("given the untouched chain then it is intact, with every record counted and no broken seq")
        void intact() {
            assertThat(verify(chain, head)).isEqualTo(new AuditVerification(true, 5, null));
        }

        @Test
        @DisplayName("given an empty chain then it is intact with zero records")
        void empty() {
            assertThat(verify(List.of(), ChainHead.EMPTY)).isEqualTo(new AuditVerification(true, 0, null));
        }

        @Test
        @DisplayName("given an edited record then the chain breaks at that record")
        void edited() {
            ((ObjectNode) chain.get(2).get("details")).put("ttl", 86400);

            assertThat(verify(chain, head)).isEqualTo(new AuditVerification(false, 5, 3L));
        }

        @Test
        @DisplayName("given an edited record whose hash was recomputed then the next record's prevHash breaks the chain")
        void editedAndRehashed() {
            ObjectNode third = chain.get(2);
            third.put("actor", "mallory");
            third.put("hash", ChainHasher.hashOf(third));

            assertThat(verify(chain, head)).isEqualTo(new AuditVerification(false, 5, 4L));
        }

        @Test
        @DisplayName("given a deleted record then the chain breaks at the missing seq")
        void deleted() {
            chain.remove(1);

            assertThat(verify(chain, head)).isEqualTo(new AuditVerification(false, 4, 2L));
        }

        @Test
        @DisplayName("given two records swapped then the chain breaks where the order first differs")
        void reordered() {
            Collections.swap(chain, 1, 3);

            assertThat(verify(chain, head)).isEqualTo(new AuditVerification(false, 5, 2L));
        }

        @Test
        @DisplayName("given a record renumbered into another's place then the hash over seq breaks the chain")
        void renumbered() {
            chain.get(3).put("seq", 3);
            chain.remove(2);

            assertThat(verify(chain, head)).isEqualTo(new AuditVerification(false, 4, 3L));
        }

        @Test
        @DisplayName("given the newest records cut off then the chain head reveals it")
        void truncated() {
            List<ObjectNode> cut = chain.subList(0, 3);

            assertThat(verify(cut, null).intact()).isTrue();
            assertThat(verify(cut, head)).isEqualTo(new AuditVerification(false, 3, 4L));
        }

        @Test
        @DisplayName("given a record without chain fields then the chain breaks there")
        void unchained() {
            chain.get(0).remove("seq");

            assertThat(verify(chain, head)).isEqualTo(new AuditVerification(false, 5, 1L));
        }
    }
}
