package omega.connectors.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A payload exactly as a platform delivered it; unique per tenant + platform + SHA-256 of the body. */
@Entity
@Table(name = "connectors_raw_payload")
public class RawPayloadRecord {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;
    @Column(name = "platform", length = 32, nullable = false)
    private String platform;
    @Column(name = "payload_hash", length = 64, nullable = false)
    private String payloadHash;
    @Column(name = "content_type", length = 255)
    private String contentType;
    @Lob
    @Column(name = "headers")
    private String headers;
    @Lob
    @Column(name = "body", nullable = false)
    private String body;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "queued", nullable = false)
    private boolean queued;

    protected RawPayloadRecord() {
    }

    public RawPayloadRecord(String id, String tenantId, String platform, String payloadHash, String contentType,
            String headers, String body, Instant receivedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.platform = platform;
        this.payloadHash = payloadHash;
        this.contentType = contentType == null || contentType.length() <= 255 ? contentType : contentType.substring(0, 255);
        this.headers = headers;
        this.body = body;
        this.receivedAt = receivedAt;
    }

    public void markQueued() {
        this.queued = true;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String platform() { return platform; }
    public String payloadHash() { return payloadHash; }
    public String contentType() { return contentType; }
    public String headers() { return headers; }
    public String body() { return body; }
    public Instant receivedAt() { return receivedAt; }
    public boolean queued() { return queued; }
}
