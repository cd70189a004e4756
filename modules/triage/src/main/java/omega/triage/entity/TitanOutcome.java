package omega.triage.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether a titan's vote on a label was what the technician confirmed or set: the ensemble's accuracy record. */
@Entity
@Table(name = "triage_titan_outcome")
public class TitanOutcome {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "titan_id", length = 64, nullable = false)
    private String titanId;

    @Column(name = "label", length = 64, nullable = false)
    private String label;

    @Column(name = "correct", nullable = false)
    private boolean correct;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected TitanOutcome() {
    }

    public TitanOutcome(String id, String tenantId, String titanId, String label, boolean correct, Instant recordedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.titanId = titanId;
        this.label = label;
        this.correct = correct;
        this.recordedAt = recordedAt;
    }
}
