package omega.triage.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import omega.titans.api.Tier;

/** A person's verdict on one AUTO/CONFIRM label of a decision, given in the confirmations view. */
@Entity
@Table(name = "triage_review")
public class ReviewRecord {

    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "ticket_id", length = 36, nullable = false)
    private String ticketId;

    @Column(name = "decision_id", length = 36, nullable = false)
    private String decisionId;

    @Column(name = "label", length = 64, nullable = false)
    private String label;

    @Column(name = "label_value", length = 255, nullable = false)
    private String value;

    @Enumerated(EnumType.STRING)
    @Column(name = "tier", length = 16, nullable = false)
    private Tier tier;

    @Column(name = "verdict", length = 16, nullable = false)
    private String verdict;

    @Column(name = "reviewed_by", length = 36)
    private String reviewedBy;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    protected ReviewRecord() {
    }

    public ReviewRecord(String id, String tenantId, String ticketId, String decisionId, String label, String value,
            Tier tier, String verdict, String reviewedBy, Instant reviewedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.ticketId = ticketId;
        this.decisionId = decisionId;
        this.label = label;
        this.value = value.length() <= 255 ? value : value.substring(0, 255);
        this.tier = tier;
        this.verdict = verdict;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
    }

    public String label() { return label; }
    public String verdict() { return verdict; }
}
