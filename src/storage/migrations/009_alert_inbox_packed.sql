-- The inbox keeps each request's alerts compressed (raw DEFLATE of their JSON, in base64): about
-- a tenth of the bytes to write, and writing them is most of what an answer costs under load.
-- Rows written before this migration keep their plain `alerts` and are read as before.
ALTER TABLE alert_inbox ALTER COLUMN alerts DROP NOT NULL;
ALTER TABLE alert_inbox ADD COLUMN alerts_packed text;
ALTER TABLE alert_inbox ADD CONSTRAINT alert_inbox_alerts_present CHECK ((alerts IS NULL) <> (alerts_packed IS NULL));
