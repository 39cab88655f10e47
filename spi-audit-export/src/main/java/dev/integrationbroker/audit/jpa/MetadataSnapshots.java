package dev.integrationbroker.audit.jpa;

import java.util.Optional;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.integrationbroker.audit.record.Json;

/**
 * The last audited metadata of integrations and realm policies ({@code IB_AUDIT_SNAPSHOT}), read and written in the
 * session's current transaction, so a rolled-back change leaves the snapshot as it was.
 */
public final class MetadataSnapshots implements SnapshotStore {

    private static final String POLICY_PREFIX = "realm-policy:";

    private final EntityManager em;

    public MetadataSnapshots(EntityManager em) {
        this.em = em;
    }

    public static MetadataSnapshots of(KeycloakSession session) {
        return new MetadataSnapshots(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    /** The subject id of a realm's policy snapshot; a client's is its internal id. */
    public static String policySubject(String realmId) {
        return POLICY_PREFIX + realmId;
    }

    @Override
    public Optional<ObjectNode> get(String subjectId) {
        AuditSnapshotEntity entity = em.find(AuditSnapshotEntity.class, subjectId);
        if (entity == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.parseObject(entity.getAttributes()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // unreadable: treated as unknown, replaced by the next put
        }
    }

    @Override
    public void put(String realmId, String subjectId, ObjectNode attributes, long nowMillis) {
        AuditSnapshotEntity entity = em.find(AuditSnapshotEntity.class, subjectId);
        if (entity == null) {
            entity = new AuditSnapshotEntity();
            entity.setSubjectId(subjectId);
            entity.setRealmId(realmId);
            entity.setAttributes(Json.write(attributes));
            entity.setUpdatedAt(nowMillis);
            em.persist(entity);
        } else {
            entity.setAttributes(Json.write(attributes));
            entity.setUpdatedAt(nowMillis);
        }
    }

    @Override
    public void remove(String subjectId) {
        AuditSnapshotEntity entity = em.find(AuditSnapshotEntity.class, subjectId);
        if (entity != null) {
            em.remove(entity);
        }
    }

    /** Drops every snapshot of a removed realm (its records stay). */
    public void removeRealm(String realmId) {
        em.createNamedQuery("IbAuditSnapshot.deleteRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
