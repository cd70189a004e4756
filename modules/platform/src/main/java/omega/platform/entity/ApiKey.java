package omega.platform.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An API key, stored only as a salted SHA-256 hash; {@code lookup} is a short hash used to find the row. */
@Entity
@Table(name = "platform_api_key")
public class ApiKey {

    @Id
    @Column(name = "lookup", length = 16)
    private String lookup;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "salt", length = 32, nullable = false)
    private String salt;

    @Column(name = "hash", length = 64, nullable = false)
    private String hash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiKey() {
    }

    public ApiKey(String lookup, String tenantId, String salt, String hash, Instant createdAt) {
        this.lookup = lookup;
        this.tenantId = tenantId;
        this.salt = salt;
        this.hash = hash;
        this.createdAt = createdAt;
    }

    public String lookup() {
        return lookup;
    }

    public String tenantId() {
        return tenantId;
    }

    public String salt() {
        return salt;
    }

    public String hash() {
        return hash;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
