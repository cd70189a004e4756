-- what the dashboard's queue filters and sorts by, copied onto the ticket when a decision is stored (and when feedback
-- corrects the category), so a list page is one indexed query on one table. Versions 6.x belong to the dashboard
-- issue (#6), leaving 3-5 free for the modules' own next migrations.
ALTER TABLE triage_ticket ADD COLUMN lowest_tier VARCHAR(16);
ALTER TABLE triage_ticket ADD COLUMN decided_category VARCHAR(255);
ALTER TABLE triage_ticket ADD COLUMN sla_at_risk BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE triage_ticket ADD COLUMN sla_due_at TIMESTAMP;

-- newest first without a status filter, and "SLA risk first" (at risk, then the earliest due)
CREATE INDEX triage_ticket_tenant_received ON triage_ticket (tenant_id, received_at);
CREATE INDEX triage_ticket_tenant_sla ON triage_ticket (tenant_id, sla_at_risk, sla_due_at);
