-- Long-term memory of resolved tickets; vectors are little-endian float32 (searched in the application).
CREATE TABLE context_memory (
    tenant_id   VARCHAR(64)  NOT NULL,
    ticket_id   VARCHAR(128) NOT NULL,
    text        TEXT         NOT NULL,
    labels      TEXT         NOT NULL,
    resolution  TEXT,
    client      VARCHAR(255),
    category    VARCHAR(128),
    status      VARCHAR(32),
    requester   VARCHAR(320),
    resolved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    model_id    VARCHAR(128) NOT NULL,
    vector      BYTEA        NOT NULL,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, ticket_id)
);

CREATE INDEX context_memory_requester ON context_memory (tenant_id, lower(requester));

-- One row per erasure; never personal data (no requester, no text, no ticket ids).
CREATE TABLE context_erasure_audit (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(64)  NOT NULL,
    erased_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reference      VARCHAR(64)  NOT NULL,
    tickets_erased INTEGER      NOT NULL
);

CREATE INDEX context_erasure_audit_tenant ON context_erasure_audit (tenant_id, erased_at);
