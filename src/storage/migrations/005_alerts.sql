-- Alerts: the ways they come in, the alerts themselves (one row per firing episode of a dedup
-- key), how they group into incidents, and what mutes them.

-- A way in (Prometheus push, Alertmanager webhook, PagerDuty Events v2, generic webhook,
-- heartbeat). Its key is shown once when created; only its SHA-256 is kept.
CREATE TABLE integrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('prometheus', 'alertmanager', 'pagerduty', 'webhook', 'heartbeat')),
  key_hash text NOT NULL UNIQUE,
  key_hint text NOT NULL,
  service_id text REFERENCES services (id),
  -- Grouping, severity and service mapping, auto-resolve, webhook mapping, heartbeat period.
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  disabled_at timestamptz
);

-- One alert: a dedup key while it fires. A repeat updates it; once resolved, the same key firing
-- again is a new row (a new episode).
CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  integration_id uuid NOT NULL REFERENCES integrations (id),
  fingerprint text NOT NULL,
  status text NOT NULL CHECK (status IN ('firing', 'resolved')),
  title text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('P1', 'P2', 'P3', 'P4')),
  source_severity text,
  service_id text REFERENCES services (id),
  labels jsonb NOT NULL,
  annotations jsonb NOT NULL,
  source_url text,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  event_count integer NOT NULL DEFAULT 1,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  group_key text NOT NULL,
  incident_id text REFERENCES incidents (id),
  -- Why it does not page, when it does not: {silences: [ids], maintenance: [ids], inhibitedBy: alert id}.
  suppressed jsonb
);
CREATE UNIQUE INDEX alerts_firing_key ON alerts (integration_id, fingerprint) WHERE status = 'firing';
CREATE INDEX alerts_incident ON alerts (incident_id);
CREATE INDEX alerts_recent ON alerts (last_seen_at DESC);

-- The incident a group of alerts (integration + values of the group-by labels) currently feeds.
CREATE TABLE alert_groups (
  integration_id uuid NOT NULL REFERENCES integrations (id),
  group_key text NOT NULL,
  incident_id text NOT NULL REFERENCES incidents (id),
  opened_at timestamptz NOT NULL,
  last_alert_at timestamptz NOT NULL,
  PRIMARY KEY (integration_id, group_key)
);

CREATE TABLE silences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matchers jsonb NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  comment text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by_type text NOT NULL,
  created_by_id text,
  created_by_name text NOT NULL,
  expired_at timestamptz,
  CHECK (ends_at > starts_at)
);
CREATE INDEX silences_active ON silences (ends_at) WHERE expired_at IS NULL;

CREATE TABLE maintenance_windows (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id text NOT NULL REFERENCES services (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by_type text NOT NULL,
  created_by_id text,
  created_by_name text NOT NULL,
  cancelled_at timestamptz,
  CHECK (ends_at > starts_at)
);
CREATE INDEX maintenance_windows_active ON maintenance_windows (ends_at) WHERE cancelled_at IS NULL;

CREATE TABLE inhibit_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  source_matchers jsonb NOT NULL,
  target_matchers jsonb NOT NULL,
  equal_labels text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);

-- Runbooks put in front of the responder of an incident, best first.
CREATE TABLE incident_runbooks (
  incident_id text NOT NULL REFERENCES incidents (id),
  runbook_id text NOT NULL REFERENCES runbooks (id),
  score real NOT NULL,
  matched jsonb NOT NULL,
  explicit boolean NOT NULL,
  alert_id uuid REFERENCES alerts (id),
  suggested_at timestamptz NOT NULL,
  PRIMARY KEY (incident_id, runbook_id)
);

-- A job that must call in every period (heartbeat integrations). `due_at` is when silence
-- becomes an alert; the sweep claims overdue rows with SKIP LOCKED.
CREATE TABLE heartbeats (
  integration_id uuid PRIMARY KEY REFERENCES integrations (id),
  period_seconds integer NOT NULL CHECK (period_seconds > 0),
  grace_seconds integer NOT NULL CHECK (grace_seconds >= 0),
  last_ping_at timestamptz,
  due_at timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('waiting', 'up', 'down'))
);
CREATE INDEX heartbeats_due ON heartbeats (due_at) WHERE state <> 'down';
