-- polling runs in every API-serving replica: a per-connection lease (owner + expiry, epoch milliseconds so
-- replicas in other time zones compare alike), taken with a conditional UPDATE, lets one replica poll at a time
ALTER TABLE connectors_connection ADD COLUMN poll_owner VARCHAR(128);
ALTER TABLE connectors_connection ADD COLUMN poll_lease_until BIGINT;
