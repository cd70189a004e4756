package omega.platform.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who signs in to the dashboard, in one tenant, with one role. Only a PBKDF2 hash of the password. */
@Entity
@Table(name = "platform_user")
public class Employee {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", length = 64, nullable = false)
    private String tenantId;

    @Column(name = "email", length = 254, nullable = false)
    private String email;

    @Column(name = "role", length = 16, nullable = false)
    private String role;

    @Column(name = "password_salt", length = 32, nullable = false)
    private String salt;

    @Column(name = "password_hash", length = 64, nullable = false)
    private String hash;

    @Column(name = "iterations", nullable = false)
    private int iterations;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Employee() {
    }

    public Employee(String id, String tenantId, String email, String role, String salt, String hash, int iterations,
            Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.email = email;
        this.role = role;
        this.salt = salt;
        this.hash = hash;
        this.iterations = iterations;
        this.createdAt = createdAt;
    }

    /** The identity provider says the role (OIDC sign-in): it wins over what was stored. */
    public void roleFromProvider(String newRole) {
        this.role = newRole;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public String role() {
        return role;
    }

    public String salt() {
        return salt;
    }

    public String hash() {
        return hash;
    }

    public int iterations() {
        return iterations;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
