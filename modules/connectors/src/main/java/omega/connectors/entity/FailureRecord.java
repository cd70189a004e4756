package omega.connectors.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A raw payload that could not be normalized: visible to the tenant, replayable once the cause is fixed. */
@Entity
@Table(name = "connectors_failure")
public class FailureRecord {

    public static final String OPEN = "OPEN";
    public static final String REPLAYING = "REPLAYING";
    public static final String RESOLVED = "RESOLVED";

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;
    @Column(name = "platform", length = 32, nullable = false)
    private String platform;
    @Column(name = "raw_id", length = 36, nullable = false)
    private String rawId;
    @Column(name = "reason", length = 64, nullable = false)
    private String reason;
    @Column(name = "detail", length = 1000, nullable = false)
    private String detail;
    @Column(name = "status", length = 16, nullable = false)
    private String status;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;
    @Column(name = "replayed_at")
    private Instant replayedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected FailureRecord() {
    }

    public FailureRecord(String id, String tenantId, String platform, String rawId, Instant at) {
        this.id = id;
        this.tenantId = tenantId;
        this.platform = platform;
        this.rawId = rawId;
        this.failedAt = at;
    }

    public void failed(String reason, String detail, Instant at) {
        this.reason = reason.length() <= 64 ? reason : reason.substring(0, 64);
        this.detail = detail == null ? reason : detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.status = OPEN;
        this.attempts++;
        this.failedAt = at;
        this.resolvedAt = null;
    }

    public void replaying(Instant at) {
        this.status = REPLAYING;
        this.replayedAt = at;
    }

    public void resolved(Instant at) {
        this.status = RESOLVED;
        this.resolvedAt = at;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String platform() { return platform; }
    public String rawId() { return rawId; }
    public String reason() { return reason; }
    public String detail() { return detail; }
    public String status() { return status; }
    public int attempts() { return attempts; }
    public Instant failedAt() { return failedAt; }
    public Instant replayedAt() { return replayedAt; }
    public Instant resolvedAt() { return resolvedAt; }
}
