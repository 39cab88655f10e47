package dev.integrationbroker.audit.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.jpa.SnapshotStore;

/** Metadata snapshots in memory. */
public final class InMemorySnapshots implements SnapshotStore {

    private final Map<String, ObjectNode> snapshots = new HashMap<>();

    @Override
    public Optional<ObjectNode> get(String subjectId) {
        return Optional.ofNullable(snapshots.get(subjectId)).map(ObjectNode::deepCopy);
    }

    @Override
    public void put(String realmId, String subjectId, ObjectNode attributes, long nowMillis) {
        snapshots.put(subjectId, attributes.deepCopy());
    }

    @Override
    public void remove(String subjectId) {
        snapshots.remove(subjectId);
    }

    public Map<String, ObjectNode> all() {
        return snapshots;
    }
}
