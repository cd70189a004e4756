package omega.triage.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import omega.titans.api.Tier;

/** One label of a stored decision, kept flat for the insights' aggregates (tier mix, titan votes). */
@Entity
@Table(name = "triage_decision_label")
@IdClass(DecisionLabelRecord.Key.class)
public class DecisionLabelRecord {

    /** decision id + label */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String decisionId;
        String label;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(decisionId, k.decisionId) && Objects.equals(label, k.label);
        }

        @Override
        public int hashCode() {
            return Objects.hash(decisionId, label);
        }
    }

    @Id
    @Column(name = "decision_id", length = 36)
    private String decisionId;

    @Id
    @Column(name = "label", length = 64)
    private String label;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "tier", length = 16, nullable = false)
    private Tier tier;

    @Column(name = "label_value", length = 255)
    private String value;

    @Column(name = "confidence", nullable = false)
    private double confidence;

    /** the titans that voted on the label, comma-separated */
    @Column(name = "voters", length = 500)
    private String voters;

    /** the titans whose vote was the decided value, comma-separated */
    @Column(name = "agreed", length = 500)
    private String agreed;

    protected DecisionLabelRecord() {
    }

    public DecisionLabelRecord(String decisionId, String label, String tenantId, Instant decidedAt, Tier tier,
            String value, double confidence, String voters, String agreed) {
        this.decisionId = decisionId;
        this.label = label.length() <= 64 ? label : label.substring(0, 64);
        this.tenantId = tenantId;
        this.decidedAt = decidedAt;
        this.tier = tier;
        this.value = value == null || value.length() <= 255 ? value : value.substring(0, 255);
        this.confidence = confidence;
        this.voters = cap(voters);
        this.agreed = cap(agreed);
    }

    private static String cap(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
