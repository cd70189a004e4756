-- Long-term memory of resolved tickets; vectors are little-endian float32 (searched in the application).
-- Portable (Derby and PostgreSQL): ${text} is CLOB/TEXT, ${bytes} BLOB/BYTEA. The PostgreSQL store
-- (PostgresMemoryStore) keeps memory here; the embedded default keeps it in files and uses only the
-- ticket, inbox and revision tables.
CREATE TABLE context_memory (
    tenant_id   VARCHAR(64)  NOT NULL,
    ticket_id   VARCHAR(128) NOT NULL,
    text        ${text}      NOT NULL,
    labels      ${text}      NOT NULL,
    resolution  ${text},
    client      VARCHAR(255),
    category    VARCHAR(128),
    status      VARCHAR(32),
    requester   VARCHAR(320),
    requester_key VARCHAR(320),
    resolved_at TIMESTAMP    NOT NULL,
    model_id    VARCHAR(128) NOT NULL,
    vector      ${bytes}     NOT NULL,
    revision    BIGINT       NOT NULL,
    stored_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id)
);

CREATE INDEX context_memory_requester ON context_memory (tenant_id, requester_key);
CREATE INDEX context_memory_revision ON context_memory (tenant_id, revision);

-- Per tenant: the store's revision (bumped by every write) and the revision of its last erasure, so replicas
-- sharing the store follow each other's writes (and reconcile fully after an erasure).
CREATE TABLE context_revision (
    tenant_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    revision        BIGINT      NOT NULL,
    erased_revision BIGINT      NOT NULL
);

-- One row per erasure; never personal data (no requester, no text, no ticket ids).
CREATE TABLE context_erasure_audit (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(64)  NOT NULL,
    erased_at      TIMESTAMP    NOT NULL,
    reference      VARCHAR(64)  NOT NULL,
    tickets_erased INTEGER      NOT NULL
);

CREATE INDEX context_erasure_audit_tenant ON context_erasure_audit (tenant_id, erased_at);

-- The current state of each live ticket as context saw it on ticket-normalized / ticket-triaged: what a
-- resolution needs to become a memory, and what GET /tickets/{id}/similar searches with.
CREATE TABLE context_ticket (
    tenant_id     VARCHAR(64)  NOT NULL,
    source        VARCHAR(64)  NOT NULL,
    external_id   VARCHAR(255) NOT NULL,
    ticket_id     VARCHAR(128),
    version       BIGINT       NOT NULL,
    text          ${text}      NOT NULL,
    requester_key VARCHAR(320),
    requester     VARCHAR(320),
    client        VARCHAR(255),
    category      VARCHAR(128),
    status        VARCHAR(32),
    labels        ${text},
    resolution    ${text},
    updated_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (tenant_id, source, external_id)
);

CREATE INDEX context_ticket_id ON context_ticket (tenant_id, ticket_id);
CREATE INDEX context_ticket_requester ON context_ticket (tenant_id, requester_key);

-- Resolved tickets waiting to be embedded and remembered: consumers add rows in the message's transaction,
-- the inbox writer takes them in batches (one embedding batch, one store write) and deletes them.
CREATE TABLE context_inbox (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)  NOT NULL,
    ticket_id     VARCHAR(128) NOT NULL,
    requester_key VARCHAR(320),
    payload       ${text}      NOT NULL,
    received_at   TIMESTAMP    NOT NULL
);

CREATE INDEX context_inbox_received ON context_inbox (received_at);
