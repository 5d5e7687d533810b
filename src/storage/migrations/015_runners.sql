-- Runners: steps never run inside the server. A runner connects out with a runner token, claims
-- the queued step executions its labels allow, runs them in a sandbox and streams back their output.

-- A runner token acts only as a runner (it belongs to no person: the audit row says who made it).
ALTER TABLE api_tokens DROP CONSTRAINT IF EXISTS api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check CHECK (role IN ('viewer', 'responder', 'admin', 'runner'));
ALTER TABLE api_tokens ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_owner_check CHECK (role = 'runner' OR user_id IS NOT NULL);

-- One row per runner process (its id is chosen by the process at start): what it said of itself
-- and when it was last heard of. Labels route steps (`{"env":"prod"}`); a step runs on a runner
-- whose labels contain its selector.
CREATE TABLE runners (
  id uuid PRIMARY KEY,
  token_id uuid NOT NULL REFERENCES api_tokens (id),
  name text NOT NULL,
  labels jsonb NOT NULL DEFAULT '{}',
  sandbox text NOT NULL,
  hostname text NOT NULL DEFAULT '',
  version text NOT NULL DEFAULT '',
  capacity integer NOT NULL DEFAULT 1,
  connected_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- Pushed forward by each heartbeat: past it, the runner counts as gone.
  expires_at timestamptz NOT NULL,
  disconnected_at timestamptz
);
CREATE INDEX runners_expires ON runners (expires_at);

-- The job side of a step execution. Parameter values stay sealed until a runner claims the step
-- (`sealed_by`: NULL when sealed with the shared ASTREINTE_SECRET_KEY, else the node whose
-- process-only key sealed them, the only one able to hand the step out); then they are dropped.
ALTER TABLE step_executions ADD COLUMN runner_selector jsonb NOT NULL DEFAULT '{}';
ALTER TABLE step_executions ADD COLUMN runner_id uuid;
ALTER TABLE step_executions ADD COLUMN runner_name text;
ALTER TABLE step_executions ADD COLUMN sealed_by text;
-- Steps of one section run one after the other: only the first unfinished one of a chain is claimable.
ALTER TABLE step_executions ADD COLUMN chain_id uuid;
ALTER TABLE step_executions ADD COLUMN chain_index integer;
ALTER TABLE step_executions ADD COLUMN chain_continue boolean NOT NULL DEFAULT false;
-- When the step was last put in the queue (requested, or approved): how long it has waited for a runner.
ALTER TABLE step_executions ADD COLUMN queued_at timestamptz;
-- Why a step ended without running to its end (no runner took it in time, the runner stopped …).
ALTER TABLE step_executions ADD COLUMN end_reason text;
CREATE INDEX step_executions_queued ON step_executions (requested_at) WHERE status = 'queued';
CREATE INDEX step_executions_chain ON step_executions (chain_id, chain_index) WHERE chain_id IS NOT NULL;

-- Which runners a runbook's steps go to, set by an admin (`env=prod`): fence attributes of a step win.
ALTER TABLE runbook_execution_settings ADD COLUMN runner_selector jsonb NOT NULL DEFAULT '{}';
