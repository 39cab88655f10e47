package dev.integrationbroker.audit.jpa;

import org.hibernate.annotations.Nationalized;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One audit record in the outbox. {@code STATE}: 0 pending (not chained), 1 chained, 2 delivered. {@code BODY} is
 * the record's JSON; the filter columns copy fields of it for indexed queries.
 */
@Entity
@Table(name = "IB_AUDIT_RECORD")
@NamedQueries({
        @NamedQuery(name = "IbAuditRecord.realmsWithState",
                query = "select distinct r.realmId from AuditRecordEntity r where r.state < :state"),
        @NamedQuery(name = "IbAuditRecord.pending",
                query = "select r from AuditRecordEntity r where r.realmId = :realmId and r.state = 0 order by r.eventTime, r.id"),
        @NamedQuery(name = "IbAuditRecord.undelivered",
                query = "select r from AuditRecordEntity r where r.realmId = :realmId and r.state = 1 order by r.seq"),
        @NamedQuery(name = "IbAuditRecord.countUndelivered",
                query = "select count(r) from AuditRecordEntity r where r.state < 2"),
        @NamedQuery(name = "IbAuditRecord.markDelivered",
                query = "update AuditRecordEntity r set r.state = 2, r.deliveredAt = :at, r.version = r.version + 1"
                        + " where r.id in :ids and r.state = 1"),
        @NamedQuery(name = "IbAuditRecord.chainSlice",
                query = "select r.id, r.realmId, r.seq, r.eventTime, r.type, r.outcome, r.clientId, r.body from AuditRecordEntity r"
                        + " where r.realmId = :realmId and r.state > 0 and r.seq > :afterSeq and r.seq <= :upToSeq order by r.seq")
})
public class AuditRecordEntity {

    static final int PENDING = 0;
    static final int CHAINED = 1;
    static final int DELIVERED = 2;

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", nullable = false, length = 36)
    private String realmId;

    @Column(name = "STATE", nullable = false)
    private int state;

    @Column(name = "SEQ")
    private Long seq;

    @Column(name = "EVENT_TIME", nullable = false)
    private long eventTime;

    @Column(name = "RECORD_TYPE", nullable = false, length = 64)
    private String type;

    @Column(name = "OUTCOME", nullable = false, length = 16)
    private String outcome;

    @Column(name = "CLIENT_ID", length = 255)
    private String clientId;

    @Nationalized
    @Column(name = "BODY", nullable = false)
    private String body;

    @Column(name = "DELIVERED_AT")
    private Long deliveredAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public int getState() {
        return state;
    }

    public void setState(int state) {
        this.state = state;
    }

    public Long getSeq() {
        return seq;
    }

    public void setSeq(Long seq) {
        this.seq = seq;
    }

    public long getEventTime() {
        return eventTime;
    }

    public void setEventTime(long eventTime) {
        this.eventTime = eventTime;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Long getDeliveredAt() {
        return deliveredAt;
    }

    public void setDeliveredAt(Long deliveredAt) {
        this.deliveredAt = deliveredAt;
    }

    public int getVersion() {
        return version;
    }
}
