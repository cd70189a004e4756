-- for the insights. One row per label of a stored decision: what they aggregate (tier mix, titan votes) with GROUP BY instead
-- of parsing every decision's JSON. Decisions stored before this migration are not in it.
CREATE TABLE triage_decision_label (
    decision_id VARCHAR(36)  NOT NULL,
    label       VARCHAR(64)  NOT NULL,
    tenant_id   VARCHAR(64)  NOT NULL,
    decided_at  TIMESTAMP    NOT NULL,
    tier        VARCHAR(16)  NOT NULL,
    label_value VARCHAR(255),
    confidence  DOUBLE PRECISION NOT NULL,
    voters      VARCHAR(500),
    agreed      VARCHAR(500),
    PRIMARY KEY (decision_id, label)
);

CREATE INDEX triage_decision_label_tenant ON triage_decision_label (tenant_id, decided_at);

-- when the ticket first reached TRIAGED (the first TRIAGED entry of its status history), so time to triage is read
-- from the ticket rows of the window instead of joining the history; filled for tickets triaged before
ALTER TABLE triage_ticket ADD COLUMN triaged_at TIMESTAMP;
UPDATE triage_ticket SET triaged_at = (SELECT MIN(s.changed_at) FROM triage_ticket_status s
    WHERE s.ticket_id = triage_ticket.id AND s.status = 'TRIAGED');
