package omega.connectors.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A history import job and its progress; {@code rejects} is a JSON array of the first rejected rows. */
@Entity
@Table(name = "connectors_history_job")
public class HistoryJobRecord {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;
    @Column(name = "format", length = 16, nullable = false)
    private String format;
    @Column(name = "status", length = 16, nullable = false)
    private String status;
    @Column(name = "bytes", nullable = false)
    private long bytes;
    @Column(name = "rows_read", nullable = false)
    private long rowsRead;
    @Column(name = "accepted", nullable = false)
    private long accepted;
    @Column(name = "rejected", nullable = false)
    private long rejected;
    @Lob
    @Column(name = "rejects")
    private String rejects;
    @Column(name = "error", length = 1000)
    private String error;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected HistoryJobRecord() {
    }

    public HistoryJobRecord(String id, String tenantId, String format, String status, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.format = format;
        this.status = status;
        this.createdAt = createdAt;
        this.rejects = "[]";
    }

    public void progress(String status, long bytes, long rowsRead, long accepted, long rejected, String rejects,
            String error, Instant finishedAt) {
        this.status = status;
        this.bytes = bytes;
        this.rowsRead = rowsRead;
        this.accepted = accepted;
        this.rejected = rejected;
        this.rejects = rejects;
        this.error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
        this.finishedAt = finishedAt;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String format() { return format; }
    public String status() { return status; }
    public long bytes() { return bytes; }
    public long rowsRead() { return rowsRead; }
    public long accepted() { return accepted; }
    public long rejected() { return rejected; }
    public String rejects() { return rejects; }
    public String error() { return error; }
    public Instant createdAt() { return createdAt; }
    public Instant finishedAt() { return finishedAt; }
}
