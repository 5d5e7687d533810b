-- Secrets: who changed them last and what they are for (values stay sealed, never listed).
ALTER TABLE secrets ADD COLUMN description text;
ALTER TABLE secrets ADD COLUMN updated_by_name text;

-- Named PostgreSQL connections that SQL steps run against, configured by an admin. The URL holds
-- a password, so it is sealed with the server's secret key like a secret; `display_url` is the same
-- URL without its password, for lists and the timeline.
CREATE TABLE sql_connections (
  name text PRIMARY KEY,
  sealed_url text NOT NULL,
  display_url text NOT NULL,
  description text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by_name text NOT NULL
);

-- The connection a SQL step execution was prepared for: an approved destructive step must run on
-- the database its approver saw, whatever the connections look like by then.
ALTER TABLE step_executions ADD COLUMN sql_connection text;

-- What values a runbook's parameters accept, set by an admin: {"task_id": {"pattern": "…"},
-- "env": {"allowed": ["staging", "production"]}}. Checked before any step runs.
ALTER TABLE runbook_execution_settings ADD COLUMN parameter_rules jsonb NOT NULL DEFAULT '{}';
