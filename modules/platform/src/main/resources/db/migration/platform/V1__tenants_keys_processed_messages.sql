CREATE TABLE platform_tenant (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    created_at TIMESTAMP   NOT NULL
);

CREATE TABLE platform_api_key (
    lookup     VARCHAR(16) NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(64) NOT NULL REFERENCES platform_tenant (id),
    salt       VARCHAR(32) NOT NULL,
    hash       VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL
);

CREATE TABLE platform_processed_message (
    consumer     VARCHAR(64)  NOT NULL,
    tenant_id    VARCHAR(64)  NOT NULL,
    source       VARCHAR(64)  NOT NULL,
    external_id  VARCHAR(255) NOT NULL,
    version      BIGINT       NOT NULL,
    processed_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (consumer, tenant_id, source, external_id, version)
);
