package omega.triage.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A labelled example (PII-tokenized text, labels as JSON) from an import, a ticket-history message or feedback. */
@Entity
@Table(name = "triage_example")
public class ExampleRecord {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "source", length = 64, nullable = false)
    private String source;

    @Column(name = "external_id", length = 255, nullable = false)
    private String externalId;

    @Lob
    @Column(name = "content", nullable = false)
    private String text;

    @Column(name = "labels", length = 4000, nullable = false)
    private String labels;

    @Column(name = "origin", length = 16, nullable = false)
    private String origin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExampleRecord() {
    }

    public ExampleRecord(String id, String tenantId, String source, String externalId, String text, String labels,
            String origin, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.source = source;
        this.externalId = externalId;
        this.text = text;
        this.labels = labels;
        this.origin = origin;
        this.createdAt = createdAt;
    }

    public void replace(String newText, String newLabels, String newOrigin, Instant at) {
        this.text = newText;
        this.labels = newLabels;
        this.origin = newOrigin;
        this.createdAt = at;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String externalId() { return externalId; }
    public String text() { return text; }
    public String labels() { return labels; }
    public Instant createdAt() { return createdAt; }
}
