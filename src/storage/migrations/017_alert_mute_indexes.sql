-- Inhibition looks up its candidate source alerts by label containment (`labels @> '{"node":"n1"}'`),
-- once per batch for the batch's targets, instead of reading every firing alert: a GIN index over
-- the labels of firing alerts only (resolved episodes never inhibit). `jsonb_path_ops` indexes
-- key-value pairs, which is all `@>` needs, and is smaller and faster to update than the default.
CREATE INDEX IF NOT EXISTS alerts_firing_labels ON alerts USING gin (labels jsonb_path_ops) WHERE status = 'firing';
