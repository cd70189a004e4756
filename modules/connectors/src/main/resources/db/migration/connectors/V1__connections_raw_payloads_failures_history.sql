CREATE TABLE connectors_connection (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(64)  NOT NULL,
    platform         VARCHAR(32)  NOT NULL,
    token_hash       VARCHAR(64)  NOT NULL,
    signing_secret   VARCHAR(512),
    organization_id  VARCHAR(18),
    base_url         VARCHAR(1000),
    username         VARCHAR(255),
    secret           VARCHAR(1000),
    company          VARCHAR(255),
    client_id        VARCHAR(255),
    integration_code VARCHAR(255),
    poll_seconds     INT          NOT NULL,
    poll_cursor      TIMESTAMP,
    last_poll_at     TIMESTAMP,
    last_poll_error  VARCHAR(1000),
    created_at       TIMESTAMP    NOT NULL,
    CONSTRAINT connectors_connection_uk UNIQUE (tenant_id, platform),
    CONSTRAINT connectors_connection_token_uk UNIQUE (token_hash)
);

CREATE TABLE connectors_raw_payload (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(64)  NOT NULL,
    platform     VARCHAR(32)  NOT NULL,
    payload_hash VARCHAR(64)  NOT NULL,
    content_type VARCHAR(255),
    headers      ${text},
    body         ${text}      NOT NULL,
    received_at  TIMESTAMP    NOT NULL,
    queued       BOOLEAN      NOT NULL,
    CONSTRAINT connectors_raw_payload_uk UNIQUE (tenant_id, platform, payload_hash)
);

CREATE TABLE connectors_failure (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(64)   NOT NULL,
    platform    VARCHAR(32)   NOT NULL,
    raw_id      VARCHAR(36)   NOT NULL REFERENCES connectors_raw_payload (id),
    reason      VARCHAR(64)   NOT NULL,
    detail      VARCHAR(1000) NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    attempts    INT           NOT NULL,
    failed_at   TIMESTAMP     NOT NULL,
    replayed_at TIMESTAMP,
    resolved_at TIMESTAMP,
    CONSTRAINT connectors_failure_raw_uk UNIQUE (raw_id)
);

CREATE INDEX connectors_failure_tenant ON connectors_failure (tenant_id, failed_at);

CREATE TABLE connectors_history_job (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    format      VARCHAR(16)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    bytes       BIGINT       NOT NULL,
    rows_read   BIGINT       NOT NULL,
    accepted    BIGINT       NOT NULL,
    rejected    BIGINT       NOT NULL,
    rejects     ${text},
    error       VARCHAR(1000),
    created_at  TIMESTAMP    NOT NULL,
    finished_at TIMESTAMP
);
