package dev.integrationbroker.audit.jpa;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The last audited metadata per subject (see {@link MetadataSnapshots}), in the current transaction. */
public interface SnapshotStore {

    Optional<ObjectNode> get(String subjectId);

    void put(String realmId, String subjectId, ObjectNode attributes, long nowMillis);

    void remove(String subjectId);
}
