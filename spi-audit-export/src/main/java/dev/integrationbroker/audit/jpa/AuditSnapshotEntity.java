package dev.integrationbroker.audit.jpa;

import org.hibernate.annotations.Nationalized;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The last audited metadata of one subject (an integration's client, by internal id, or a realm's policy), the
 * "old" side of the next change's {@code details.changes}.
 */
@Entity
@Table(name = "IB_AUDIT_SNAPSHOT")
@NamedQueries({
        @NamedQuery(name = "IbAuditSnapshot.deleteRealm", query = "delete from AuditSnapshotEntity s where s.realmId = :realmId")
})
public class AuditSnapshotEntity {

    @Id
    @Column(name = "SUBJECT_ID", length = 64)
    private String subjectId;

    @Column(name = "REALM_ID", nullable = false, length = 36)
    private String realmId;

    @Nationalized
    @Column(name = "ATTRIBUTES", nullable = false)
    private String attributes;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getSubjectId() {
        return subjectId;
    }

    public void setSubjectId(String subjectId) {
        this.subjectId = subjectId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getAttributes() {
        return attributes;
    }

    public void setAttributes(String attributes) {
        this.attributes = attributes;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }
}
