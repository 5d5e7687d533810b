-- Alerts accepted under load, committed as received and handled just after: a 2xx answer is
-- durable here; dedup, grouping and incidents follow, in arrival order, on any node.
CREATE TABLE alert_inbox (
  id bigserial PRIMARY KEY,
  integration_id uuid NOT NULL REFERENCES integrations (id),
  received_at timestamptz NOT NULL,
  -- json, not jsonb: written once and read once, as a whole; no need to pay for jsonb's parse.
  alerts json NOT NULL
);
