package dev.integrationbroker.audit.jpa;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import dev.integrationbroker.audit.chain.ChainHead;
import dev.integrationbroker.audit.outbox.OutboxRecord;
import dev.integrationbroker.audit.outbox.OutboxRepository;
import dev.integrationbroker.lifecycle.audit.AuditQuery;

/**
 * The outbox over Keycloak's entity manager, in whatever transaction the session is in. Queries that serve the
 * auditor API read projections, not entities, so a long export does not fill the request's persistence context.
 */
public final class JpaOutboxRepository implements OutboxRepository {

    private final EntityManager em;

    public JpaOutboxRepository(EntityManager em) {
        this.em = em;
    }

    /** The repository of a session's current transaction. */
    public static OutboxRepository of(KeycloakSession session) {
        return new JpaOutboxRepository(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void append(OutboxRecord record) {
        AuditRecordEntity entity = new AuditRecordEntity();
        entity.setId(record.id());
        entity.setRealmId(record.realmId());
        entity.setState(AuditRecordEntity.PENDING);
        entity.setEventTime(record.timeMillis());
        entity.setType(record.type());
        entity.setOutcome(record.outcome());
        entity.setClientId(record.clientId());
        entity.setBody(record.body());
        em.persist(entity);
    }

    @Override
    public List<String> realmsWithUndelivered(int limit) {
        return em.createNamedQuery("IbAuditRecord.realmsWithState", String.class)
                .setParameter("state", AuditRecordEntity.DELIVERED).setMaxResults(limit).getResultList();
    }

    @Override
    public ChainHead lockHead(String realmId) {
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realmId, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            // a concurrent first insert on another node fails this transaction on the primary key; the next pass retries
            head = new AuditChainHeadEntity();
            head.setRealmId(realmId);
            head.setLastSeq(ChainHead.EMPTY.seq());
            head.setLastHash(ChainHead.EMPTY.hash());
            em.persist(head);
            em.flush();
        }
        return new ChainHead(head.getLastSeq(), head.getLastHash());
    }

    @Override
    public ChainHead head(String realmId) {
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realmId);
        return head == null ? ChainHead.EMPTY : new ChainHead(head.getLastSeq(), head.getLastHash());
    }

    @Override
    public void saveHead(String realmId, ChainHead head) {
        AuditChainHeadEntity entity = em.find(AuditChainHeadEntity.class, realmId);
        if (entity == null) {
            throw new IllegalStateException("chain head of realm " + realmId + " is not locked in this transaction");
        }
        entity.setLastSeq(head.seq());
        entity.setLastHash(head.hash());
    }

    @Override
    public List<OutboxRecord> pending(String realmId, int limit) {
        return em.createNamedQuery("IbAuditRecord.pending", AuditRecordEntity.class)
                .setParameter("realmId", realmId).setMaxResults(limit).getResultList()
                .stream().map(JpaOutboxRepository::toRecord).toList();
    }

    @Override
    public void chained(String id, long seq, String body) {
        AuditRecordEntity entity = em.find(AuditRecordEntity.class, id);
        if (entity == null || entity.getState() != AuditRecordEntity.PENDING) {
            throw new IllegalStateException("audit record " + id + " is no longer pending");
        }
        entity.setSeq(seq);
        entity.setBody(body);
        entity.setState(AuditRecordEntity.CHAINED);
    }

    @Override
    public List<OutboxRecord> undelivered(String realmId, int limit) {
        return em.createNamedQuery("IbAuditRecord.undelivered", AuditRecordEntity.class)
                .setParameter("realmId", realmId).setMaxResults(limit).getResultList()
                .stream().map(JpaOutboxRepository::toRecord).toList();
    }

    @Override
    public void delivered(List<String> ids, long atMillis) {
        if (!ids.isEmpty()) {
            em.createNamedQuery("IbAuditRecord.markDelivered").setParameter("at", atMillis).setParameter("ids", ids).executeUpdate();
        }
    }

    @Override
    public long countUndelivered() {
        return em.createNamedQuery("IbAuditRecord.countUndelivered", Long.class).getSingleResult();
    }

    @Override
    public List<OutboxRecord> page(String realmId, AuditQuery query, long afterSeq, int limit) {
        StringBuilder jpql = new StringBuilder("select r.id, r.realmId, r.seq, r.eventTime, r.type, r.outcome, r.clientId, r.body"
                + " from AuditRecordEntity r where r.realmId = :realmId and r.state > 0 and r.seq > :afterSeq");
        if (query.from() != null) {
            jpql.append(" and r.eventTime >= :from");
        }
        if (query.to() != null) {
            jpql.append(" and r.eventTime < :to");
        }
        if (query.clientId() != null) {
            jpql.append(" and r.clientId = :clientId");
        }
        if (query.type() != null) {
            jpql.append(" and r.type = :type");
        }
        if (query.outcome() != null) {
            jpql.append(" and r.outcome = :outcome");
        }
        jpql.append(" order by r.seq");
        TypedQuery<Object[]> typed = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("realmId", realmId).setParameter("afterSeq", afterSeq);
        if (query.from() != null) {
            typed.setParameter("from", query.from().toEpochMilli());
        }
        if (query.to() != null) {
            typed.setParameter("to", query.to().toEpochMilli());
        }
        if (query.clientId() != null) {
            typed.setParameter("clientId", query.clientId());
        }
        if (query.type() != null) {
            typed.setParameter("type", query.type());
        }
        if (query.outcome() != null) {
            typed.setParameter("outcome", query.outcome());
        }
        return rows(typed.setMaxResults(limit).getResultList());
    }

    @Override
    public List<OutboxRecord> chainSlice(String realmId, long afterSeq, long upToSeq, int limit) {
        return rows(em.createNamedQuery("IbAuditRecord.chainSlice", Object[].class)
                .setParameter("realmId", realmId).setParameter("afterSeq", afterSeq).setParameter("upToSeq", upToSeq)
                .setMaxResults(limit).getResultList());
    }

    private static List<OutboxRecord> rows(List<Object[]> rows) {
        List<OutboxRecord> records = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            records.add(new OutboxRecord((String) row[0], (String) row[1], (Long) row[2], ((Number) row[3]).longValue(),
                    (String) row[4], (String) row[5], (String) row[6], (String) row[7]));
        }
        return records;
    }

    private static OutboxRecord toRecord(AuditRecordEntity entity) {
        return new OutboxRecord(entity.getId(), entity.getRealmId(), entity.getSeq(), entity.getEventTime(), entity.getType(),
                entity.getOutcome(), entity.getClientId(), entity.getBody());
    }
}
