-- employees who sign in to the dashboard; passwords as PBKDF2-HMAC-SHA256 with a per-user salt
CREATE TABLE platform_user (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)  NOT NULL REFERENCES platform_tenant (id),
    email         VARCHAR(254) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    password_salt VARCHAR(32)  NOT NULL,
    password_hash VARCHAR(64)  NOT NULL,
    iterations    INTEGER      NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT platform_user_email UNIQUE (tenant_id, email)
);

-- server-side sessions; the cookie carries a random token, only its SHA-256 is stored
CREATE TABLE platform_session (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36) NOT NULL REFERENCES platform_user (id),
    tenant_id  VARCHAR(64) NOT NULL,
    csrf_token VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    expires_at TIMESTAMP   NOT NULL
);

CREATE INDEX platform_session_expiry ON platform_session (expires_at);
