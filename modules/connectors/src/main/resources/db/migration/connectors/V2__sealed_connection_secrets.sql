-- connection secrets are sealed at rest (AES-256-GCM, see ConnectionSecrets): the sealed form is longer than the
-- plain one, and rows written before sealing are marked so the server seals them at start-up
ALTER TABLE connectors_connection ADD COLUMN secrets_sealed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE connectors_connection ALTER COLUMN signing_secret SET DATA TYPE VARCHAR(4000);
ALTER TABLE connectors_connection ALTER COLUMN secret SET DATA TYPE VARCHAR(4000);
ALTER TABLE connectors_connection ALTER COLUMN integration_code SET DATA TYPE VARCHAR(4000);
