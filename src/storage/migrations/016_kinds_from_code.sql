-- Kinds of integrations, notification channels and probes are defined once, in code: each
-- family is one table (`src/alerts/ingest/ingest-kinds.ts`, `src/notifications/channel-kinds.ts`,
-- `src/probes/probe-kinds.ts`) from which the API schemas validate every write. A CHECK here
-- repeated those lists, so adding a kind also needed a migration; the columns stay plain text.
ALTER TABLE integrations DROP CONSTRAINT IF EXISTS integrations_kind_check;
ALTER TABLE notification_channels DROP CONSTRAINT IF EXISTS notification_channels_kind_check;
ALTER TABLE probes DROP CONSTRAINT IF EXISTS probes_kind_check;
