-- Reports select by period: incidents by detection time, alerts by first arrival, runs by start.
-- Without these, every report (and every Prometheus scrape of the report gauges) reads whole tables.
CREATE INDEX IF NOT EXISTS incidents_detected_at ON incidents (detected_at);
CREATE INDEX IF NOT EXISTS alerts_first_seen_at ON alerts (first_seen_at);
CREATE INDEX IF NOT EXISTS runs_started_at ON runs (started_at);
