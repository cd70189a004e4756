CREATE TABLE triage_ticket (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(64)  NOT NULL,
    source         VARCHAR(64)  NOT NULL,
    external_id    VARCHAR(255) NOT NULL,
    version        BIGINT       NOT NULL,
    title          VARCHAR(500) NOT NULL,
    body           ${text},
    requester      VARCHAR(320),
    client         VARCHAR(255),
    created_at     TIMESTAMP,
    priority       VARCHAR(32),
    category       VARCHAR(128),
    status         VARCHAR(32)  NOT NULL,
    received_at    TIMESTAMP    NOT NULL,
    updated_at     TIMESTAMP    NOT NULL,
    published      BOOLEAN      NOT NULL,
    correlation_id VARCHAR(64),
    history_length INT          NOT NULL,
    CONSTRAINT triage_ticket_source_uk UNIQUE (tenant_id, source, external_id)
);

CREATE INDEX triage_ticket_tenant_status ON triage_ticket (tenant_id, status, received_at);
CREATE INDEX triage_ticket_unpublished ON triage_ticket (published, received_at);

CREATE TABLE triage_ticket_status (
    id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    ticket_id VARCHAR(36)  NOT NULL REFERENCES triage_ticket (id),
    seq       INT          NOT NULL,
    status    VARCHAR(32)  NOT NULL,
    changed_at TIMESTAMP   NOT NULL,
    detail    VARCHAR(500)
);

CREATE INDEX triage_ticket_status_ticket ON triage_ticket_status (ticket_id, seq);
