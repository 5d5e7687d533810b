-- Runs of runbooks: within an incident or as a rehearsal; each step execution with its output.

CREATE TABLE runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id text REFERENCES incidents (id),
  runbook_id text NOT NULL REFERENCES runbooks (id),
  runbook_version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'verified', 'failed', 'abandoned')),
  started_at timestamptz NOT NULL,
  started_by_type text NOT NULL,
  started_by_id text,
  started_by_name text NOT NULL,
  ended_at timestamptz,
  FOREIGN KEY (runbook_id, runbook_version) REFERENCES runbook_versions (runbook_id, version)
);
CREATE INDEX runs_incident ON runs (incident_id);

-- One row per attempt at a step. Parameter values are never stored: secret ones could leak, and
-- the others are visible in the (redacted) command preview.
CREATE TABLE step_executions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid NOT NULL REFERENCES runs (id),
  step_id text NOT NULL,
  attempt integer NOT NULL,
  status text NOT NULL CHECK (status IN ('awaiting-approval', 'refused', 'queued', 'running', 'succeeded', 'failed',
                                         'timed-out', 'cancelled', 'interrupted', 'skipped', 'done')),
  command_preview text NOT NULL DEFAULT '',
  requested_at timestamptz NOT NULL,
  requested_by_type text NOT NULL,
  requested_by_id text,
  requested_by_name text NOT NULL,
  reason text,
  node_id text,
  -- Written every few seconds by the node running the step; a stale one means that node died.
  heartbeat_at timestamptz,
  cancel_requested_at timestamptz,
  -- Parameter values sealed with the server's secret key while a destructive step awaits approval.
  sealed_parameters text,
  timeout_ms integer NOT NULL DEFAULT 60000,
  started_at timestamptz,
  finished_at timestamptz,
  exit_code integer,
  duration_ms integer,
  output_bytes bigint NOT NULL DEFAULT 0,
  truncated_bytes bigint NOT NULL DEFAULT 0,
  verification jsonb,
  UNIQUE (run_id, step_id, attempt)
);
CREATE INDEX step_executions_running ON step_executions (status) WHERE status IN ('queued', 'running');

CREATE TABLE step_output (
  execution_id uuid NOT NULL REFERENCES step_executions (id),
  seq integer NOT NULL,
  stream text NOT NULL CHECK (stream IN ('stdout', 'stderr', 'system')),
  at timestamptz NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (execution_id, seq)
);

CREATE TABLE step_approvals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  execution_id uuid NOT NULL UNIQUE REFERENCES step_executions (id),
  requested_by_id text,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
  decided_by_id text,
  decided_by_name text,
  decided_at timestamptz,
  decision_reason text
);

-- Secrets for steps, sealed with AES-256-GCM under the key from the environment.
CREATE TABLE secrets (
  name text PRIMARY KEY,
  sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Per-runbook execution settings an admin may change (self-approval of destructive steps).
CREATE TABLE runbook_execution_settings (
  runbook_id text PRIMARY KEY REFERENCES runbooks (id),
  allow_self_approval boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
