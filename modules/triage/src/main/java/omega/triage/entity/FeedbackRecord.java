package omega.triage.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A technician's confirmation ({@code correct}) or correction of one label of a ticket's decision. */
@Entity
@Table(name = "triage_feedback")
public class FeedbackRecord {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "ticket_id", length = 36, nullable = false)
    private String ticketId;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "decision_id", length = 36)
    private String decisionId;

    @Column(name = "label", length = 64, nullable = false)
    private String label;

    @Column(name = "decided", length = 255)
    private String decided;

    @Column(name = "given", length = 255, nullable = false)
    private String given;

    @Column(name = "correct", nullable = false)
    private boolean correct;

    @Column(name = "given_at", nullable = false)
    private Instant givenAt;

    protected FeedbackRecord() {
    }

    public FeedbackRecord(String id, String ticketId, String tenantId, String decisionId, String label, String decided,
            String given, Instant givenAt) {
        this.id = id;
        this.ticketId = ticketId;
        this.tenantId = tenantId;
        this.decisionId = decisionId;
        this.label = label;
        this.decided = decided;
        this.given = given;
        this.correct = given.equals(decided);
        this.givenAt = givenAt;
    }

    public String label() { return label; }
    public String given() { return given; }
    public boolean correct() { return correct; }
    public Instant givenAt() { return givenAt; }
}
