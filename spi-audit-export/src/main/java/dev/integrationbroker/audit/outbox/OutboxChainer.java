package dev.integrationbroker.audit.outbox;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.chain.ChainHasher;
import dev.integrationbroker.audit.chain.ChainHead;
import dev.integrationbroker.audit.record.Json;

/** Links a realm's pending records into its hash chain, under the chain-head lock. */
final class OutboxChainer {

    private OutboxChainer() {
    }

    /** Chains up to {@code limit} pending records of the realm; returns how many. */
    static int chain(OutboxRepository repository, String realmId, int limit) {
        ChainHead head = repository.lockHead(realmId);
        // read after the lock: another chainer's work is committed and visible by now
        List<OutboxRecord> pending = repository.pending(realmId, limit);
        if (pending.isEmpty()) {
            return 0;
        }
        for (OutboxRecord record : pending) {
            ObjectNode json = Json.parseObject(record.body());
            head = ChainHasher.link(json, head);
            repository.chained(record.id(), head.seq(), Json.write(json));
        }
        repository.saveHead(realmId, head);
        return pending.size();
    }
}
