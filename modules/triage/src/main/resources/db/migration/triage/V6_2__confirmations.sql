-- a triaged ticket whose AUTO/CONFIRM labels wait for a person (no feedback or review yet): the confirmations list
ALTER TABLE triage_ticket ADD COLUMN awaiting_confirmation BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX triage_ticket_awaiting ON triage_ticket (tenant_id, awaiting_confirmation, received_at);

-- a person's verdict on one AUTO/CONFIRM label of a decision in the confirmations view. Approved labels are also
-- stored as feedback (confirmed); rejected ones count as wrong in the accuracy figures and in the titans' weights,
-- but never become training examples (nobody said what is right)
CREATE TABLE triage_review (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    ticket_id   VARCHAR(36)  NOT NULL REFERENCES triage_ticket (id),
    decision_id VARCHAR(36)  NOT NULL,
    label       VARCHAR(64)  NOT NULL,
    label_value VARCHAR(255) NOT NULL,
    tier        VARCHAR(16)  NOT NULL,
    verdict     VARCHAR(16)  NOT NULL,
    reviewed_by VARCHAR(36),
    reviewed_at TIMESTAMP    NOT NULL
);

CREATE INDEX triage_review_tenant ON triage_review (tenant_id, reviewed_at);
CREATE INDEX triage_review_ticket ON triage_review (ticket_id);
