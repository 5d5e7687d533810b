-- Probes: checks Astreinte runs itself (HTTP, TCP, TLS, DNS, PostgreSQL, Redis, Prometheus
-- queries). Each probe row is also its own timed work: `next_run_at` says when, a node claims due
-- rows with FOR UPDATE SKIP LOCKED and holds them under `lease_until` while it checks.

-- Probe failures come in as alerts through the alerts pipeline, which needs an integration: this
-- one belongs to the probes (no usable key: its hash is not a SHA-256).
ALTER TABLE integrations DROP CONSTRAINT integrations_kind_check;
ALTER TABLE integrations ADD CONSTRAINT integrations_kind_check
  CHECK (kind IN ('prometheus', 'alertmanager', 'pagerduty', 'webhook', 'heartbeat', 'probe'));
INSERT INTO integrations (id, name, kind, key_hash, key_hint, settings, created_at, updated_at)
VALUES ('00000000-0000-4000-8000-00000000a57e', 'astreinte:probes', 'probe', 'none:probes', '-',
        '{"groupBy": ["alertname", "service"]}'::jsonb, now(), now())
ON CONFLICT (id) DO NOTHING;

CREATE TABLE probes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('http', 'tcp', 'tls', 'dns', 'postgres', 'redis', 'prometheus')),
  service_id text REFERENCES services (id),
  -- What to reach and how; secrets (passwords in URLs, authorization headers) sealed in place.
  target jsonb NOT NULL,
  -- The conditions as written (`[STATUS] == 200`), checked when saved.
  conditions jsonb NOT NULL,
  severity text NOT NULL CHECK (severity IN ('P1', 'P2', 'P3', 'P4')),
  -- Added to the alert's labels (team, env…); `runbook` names the runbook that treats a failure.
  labels jsonb NOT NULL DEFAULT '{}'::jsonb,
  interval_seconds integer NOT NULL CHECK (interval_seconds > 0),
  -- While failing but not failing yet (retries left), checks come this often.
  retry_interval_seconds integer NOT NULL CHECK (retry_interval_seconds > 0),
  timeout_ms integer NOT NULL CHECK (timeout_ms > 0),
  retries integer NOT NULL CHECK (retries >= 0),
  for_seconds integer NOT NULL CHECK (for_seconds >= 0),
  keep_firing_for_seconds integer NOT NULL CHECK (keep_firing_for_seconds >= 0),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  next_run_at timestamptz NOT NULL,
  -- Also a fencing token: a node writes a result only while the lease it took is still the row's.
  lease_until timestamptz,
  -- Where the probe stands: up, pending (failing, not for long enough), down, flapping, unknown.
  status text NOT NULL DEFAULT 'unknown' CHECK (status IN ('unknown', 'up', 'pending', 'down', 'flapping')),
  -- The state machine's memory (see probes/state/probe-state.ts): counts, since when, recent outcomes, series.
  state jsonb NOT NULL DEFAULT '{}'::jsonb,
  last_checked_at timestamptz,
  last_result jsonb
);
CREATE INDEX probes_due ON probes (next_run_at) WHERE enabled;

-- Every check, for charts and recent history. Keyed by the slot it was scheduled for, so that a
-- slot checked again after a node died is recorded once.
CREATE TABLE probe_results (
  probe_id uuid NOT NULL REFERENCES probes (id) ON DELETE CASCADE,
  scheduled_at timestamptz NOT NULL,
  started_at timestamptz NOT NULL,
  success boolean NOT NULL,
  latency_ms integer NOT NULL,
  -- The failed conditions or the error; null when the check passed.
  detail text,
  PRIMARY KEY (probe_id, scheduled_at)
);
CREATE INDEX probe_results_recent ON probe_results (scheduled_at);

-- Checks per probe and hour, kept longer than single results: uptime over weeks.
CREATE TABLE probe_hourly (
  probe_id uuid NOT NULL REFERENCES probes (id) ON DELETE CASCADE,
  hour timestamptz NOT NULL,
  checks integer NOT NULL,
  failures integer NOT NULL,
  latency_sum bigint NOT NULL,
  latency_max integer NOT NULL,
  PRIMARY KEY (probe_id, hour)
);
