package omega.triage.entity;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One trained version of a tenant's model for a label: the local titan's exported bytes and the label's values. */
@Entity
@Table(name = "triage_model")
public class ModelRecord {

    @Id
    @Column(name = "id", length = 120)
    private String id;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "label", length = 64, nullable = false)
    private String label;

    @Column(name = "trained_at", nullable = false)
    private Instant trainedAt;

    @Column(name = "training_size", nullable = false)
    private int trainingSize;

    @Column(name = "label_values", length = 4000, nullable = false)
    private String values;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "model", nullable = false)
    private byte[] model;

    protected ModelRecord() {
    }

    public ModelRecord(String id, String tenantId, String label, Instant trainedAt, int trainingSize, String values,
            byte[] model) {
        this.id = id;
        this.tenantId = tenantId;
        this.label = label;
        this.trainedAt = trainedAt;
        this.trainingSize = trainingSize;
        this.values = values;
        this.model = model;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String label() { return label; }
    public Instant trainedAt() { return trainedAt; }
    public int trainingSize() { return trainingSize; }
    public String values() { return values; }
    public byte[] model() { return model; }
}
