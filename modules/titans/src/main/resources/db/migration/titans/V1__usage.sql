-- What the external titans cost: one row per tenant, UTC month, titan and model (calls, tokens, USD), so spend and
-- the monthly cost cap survive a restart and are shared by every process (perimeter and workers).
CREATE TABLE titans_usage (
    id            VARCHAR(400) NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)  NOT NULL,
    month_utc     CHAR(7)      NOT NULL,
    titan_id      VARCHAR(32)  NOT NULL,
    model         VARCHAR(200) NOT NULL,
    calls         BIGINT       NOT NULL,
    input_tokens  BIGINT       NOT NULL,
    output_tokens BIGINT       NOT NULL,
    cost_usd      DOUBLE PRECISION NOT NULL
);
CREATE INDEX titans_usage_tenant_month ON titans_usage (tenant_id, month_utc);
