package omega.triage.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A stored decision: its inputs and the decision as JSON (replayable), and whether it is published yet. */
@Entity
@Table(name = "triage_decision")
public class DecisionRecord {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "ticket_id", length = 36, nullable = false)
    private String ticketId;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "ticket_version", nullable = false)
    private long ticketVersion;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "latency_ms", nullable = false)
    private double latencyMs;

    @Lob
    @Column(name = "inputs", nullable = false)
    private String inputs;

    @Lob
    @Column(name = "decision", nullable = false)
    private String decision;

    @Column(name = "model_versions", length = 2000)
    private String modelVersions;

    @Column(name = "cold_start", nullable = false)
    private boolean coldStart;

    @Column(name = "sla_at_risk", nullable = false)
    private boolean slaAtRisk;

    @Column(name = "published", nullable = false)
    private boolean published;

    protected DecisionRecord() {
    }

    public DecisionRecord(String id, String ticketId, String tenantId, long ticketVersion, Instant queuedAt,
            Instant decidedAt, double latencyMs, String inputs, String decision, String modelVersions,
            boolean coldStart, boolean slaAtRisk) {
        this.id = id;
        this.ticketId = ticketId;
        this.tenantId = tenantId;
        this.ticketVersion = ticketVersion;
        this.queuedAt = queuedAt;
        this.decidedAt = decidedAt;
        this.latencyMs = latencyMs;
        this.inputs = inputs;
        this.decision = decision;
        this.modelVersions = modelVersions == null || modelVersions.length() <= 2000 ? modelVersions
                : modelVersions.substring(0, 2000);
        this.coldStart = coldStart;
        this.slaAtRisk = slaAtRisk;
    }

    public String id() { return id; }
    public String ticketId() { return ticketId; }
    public String tenantId() { return tenantId; }
    public long ticketVersion() { return ticketVersion; }
    public Instant queuedAt() { return queuedAt; }
    public Instant decidedAt() { return decidedAt; }
    public double latencyMs() { return latencyMs; }
    public String inputs() { return inputs; }
    public String decision() { return decision; }
    public boolean coldStart() { return coldStart; }
    public boolean slaAtRisk() { return slaAtRisk; }
    public boolean published() { return published; }
}
