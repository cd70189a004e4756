package omega.platform.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed-in browser session; the key is the SHA-256 of the cookie's token, never the token itself. */
@Entity
@Table(name = "platform_session")
public class EmployeeSession {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", length = 36, nullable = false)
    private String userId;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "csrf_token", length = 64, nullable = false)
    private String csrfToken;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected EmployeeSession() {
    }

    public EmployeeSession(String tokenHash, String userId, String tenantId, String csrfToken, Instant createdAt,
            Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.tenantId = tenantId;
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String userId() {
        return userId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
