package omega.connectors.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A tenant's connection to one PSA platform: webhook token (hash only), verification secrets, polling credentials.
 * {@code signingSecret}, {@code secret} and {@code integrationCode} are stored sealed (open them with
 * ConnectionSecrets), unless {@code secretsSealed} is false (a row from before sealing, sealed at start-up).
 */
@Entity
@Table(name = "connectors_connection")
public class Connection {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;
    @Column(name = "platform", length = 32, nullable = false)
    private String platform;
    @Column(name = "token_hash", length = 64, nullable = false)
    private String tokenHash;
    @Column(name = "signing_secret", length = 4000)
    private String signingSecret;
    @Column(name = "organization_id", length = 18)
    private String organizationId;
    @Column(name = "base_url", length = 1000)
    private String baseUrl;
    @Column(name = "username", length = 255)
    private String username;
    @Column(name = "secret", length = 4000)
    private String secret;
    @Column(name = "company", length = 255)
    private String company;
    @Column(name = "client_id", length = 255)
    private String clientId;
    @Column(name = "integration_code", length = 4000)
    private String integrationCode;
    @Column(name = "poll_seconds", nullable = false)
    private int pollSeconds;
    @Column(name = "poll_cursor")
    private Instant pollCursor;
    @Column(name = "last_poll_at")
    private Instant lastPollAt;
    @Column(name = "last_poll_error", length = 1000)
    private String lastPollError;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** true once signingSecret, secret and integrationCode hold sealed values (see ConnectionSecrets) */
    @Column(name = "secrets_sealed", nullable = false)
    private boolean secretsSealed;

    protected Connection() {
    }

    public Connection(String id, String tenantId, String platform, String tokenHash, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.platform = platform;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    /** Marks the secret fields as sealed; set them with sealed values only. */
    public void sealed() {
        this.secretsSealed = true;
    }

    public void verification(String signingSecret, String organizationId) {
        this.signingSecret = signingSecret;
        this.organizationId = organizationId;
    }

    public void polling(String baseUrl, String username, String secret, String company, String clientId,
            String integrationCode, int pollSeconds, Instant since) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.secret = secret;
        this.company = company;
        this.clientId = clientId;
        this.integrationCode = integrationCode;
        this.pollSeconds = pollSeconds;
        this.pollCursor = since;
    }

    public void polled(Instant cursor, Instant at, String error) {
        if (cursor != null) {
            this.pollCursor = cursor;
        }
        this.lastPollAt = at;
        this.lastPollError = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String platform() { return platform; }
    public String tokenHash() { return tokenHash; }
    public String signingSecret() { return signingSecret; }
    public String organizationId() { return organizationId; }
    public String baseUrl() { return baseUrl; }
    public String username() { return username; }
    public String secret() { return secret; }
    public String company() { return company; }
    public String clientId() { return clientId; }
    public String integrationCode() { return integrationCode; }
    public int pollSeconds() { return pollSeconds; }
    public Instant pollCursor() { return pollCursor; }
    public Instant lastPollAt() { return lastPollAt; }
    public String lastPollError() { return lastPollError; }
    public Instant createdAt() { return createdAt; }
    public boolean secretsSealed() { return secretsSealed; }
}
