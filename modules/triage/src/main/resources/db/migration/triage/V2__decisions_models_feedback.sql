-- one row per decision of a ticket version: the tokenized inputs, the decision as JSON, the model versions
CREATE TABLE triage_decision (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    ticket_id      VARCHAR(36)  NOT NULL REFERENCES triage_ticket (id),
    tenant_id      VARCHAR(64)  NOT NULL,
    ticket_version BIGINT       NOT NULL,
    queued_at      TIMESTAMP    NOT NULL,
    decided_at     TIMESTAMP    NOT NULL,
    latency_ms     DOUBLE PRECISION NOT NULL,
    inputs         ${text}      NOT NULL,
    decision       ${text}      NOT NULL,
    model_versions VARCHAR(2000),
    cold_start     BOOLEAN      NOT NULL,
    sla_at_risk    BOOLEAN      NOT NULL,
    published      BOOLEAN      NOT NULL
);

CREATE INDEX triage_decision_ticket ON triage_decision (ticket_id, decided_at);
CREATE INDEX triage_decision_unpublished ON triage_decision (published, decided_at);

-- labelled history (imports, ticket-history messages, technicians' feedback): what the models learn from
CREATE TABLE triage_example (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    source      VARCHAR(64)  NOT NULL,
    external_id VARCHAR(255) NOT NULL,
    content     ${text}      NOT NULL,
    labels      VARCHAR(4000) NOT NULL,
    origin      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT triage_example_uk UNIQUE (tenant_id, source, external_id)
);

CREATE INDEX triage_example_tenant ON triage_example (tenant_id, created_at);

-- trained model versions per tenant and label (the local titan's exported bytes); the newest is current
CREATE TABLE triage_model (
    id            VARCHAR(120) NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)  NOT NULL,
    label         VARCHAR(64)  NOT NULL,
    trained_at    TIMESTAMP    NOT NULL,
    training_size INT          NOT NULL,
    label_values  VARCHAR(4000) NOT NULL,
    model         ${bytes}     NOT NULL
);

CREATE INDEX triage_model_tenant ON triage_model (tenant_id, label, trained_at);

-- technicians' confirmations and corrections, with what each titan had said
CREATE TABLE triage_feedback (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    ticket_id   VARCHAR(36)  NOT NULL REFERENCES triage_ticket (id),
    tenant_id   VARCHAR(64)  NOT NULL,
    decision_id VARCHAR(36),
    label       VARCHAR(64)  NOT NULL,
    decided     VARCHAR(255),
    given       VARCHAR(255) NOT NULL,
    correct     BOOLEAN      NOT NULL,
    given_at    TIMESTAMP    NOT NULL
);

CREATE INDEX triage_feedback_ticket ON triage_feedback (ticket_id, given_at);
CREATE INDEX triage_feedback_tenant ON triage_feedback (tenant_id, given_at);

-- per titan, per tenant and label: was its vote right (from feedback); the ensemble's weights
CREATE TABLE triage_titan_outcome (
    id        VARCHAR(36) NOT NULL PRIMARY KEY,
    tenant_id VARCHAR(64) NOT NULL,
    titan_id  VARCHAR(64) NOT NULL,
    label     VARCHAR(64) NOT NULL,
    correct   BOOLEAN     NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);

CREATE INDEX triage_titan_outcome_tenant ON triage_titan_outcome (tenant_id, titan_id);
