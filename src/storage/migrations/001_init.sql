-- Foundation schema: people, auth, audit, services, severity policy, incidents and their timeline.

CREATE TABLE meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  email text NOT NULL,
  phone text,
  chat_handle text,
  role text NOT NULL CHECK (role IN ('viewer', 'responder', 'admin')),
  time_zone text NOT NULL DEFAULT 'UTC',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deactivated_at timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_members (
  team_id text NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, user_id)
);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('viewer', 'responder', 'admin')),
  -- SHA-256 of the secret: tokens carry 256 random bits, so a fast hash is enough and lookup is O(1).
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  actor_name text NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  request_id text,
  source_ip text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);

CREATE TABLE services (
  id text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  owner_team_id text REFERENCES teams (id),
  rto_minutes integer CHECK (rto_minutes >= 0),
  rpo_minutes integer CHECK (rpo_minutes >= 0),
  tags text[] NOT NULL DEFAULT '{}',
  public boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE severity_policies (
  severity text PRIMARY KEY CHECK (severity IN ('P1', 'P2', 'P3', 'P4')),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  resolution_target_minutes integer CHECK (resolution_target_minutes > 0),
  status_update_minutes integer CHECK (status_update_minutes > 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO severity_policies (severity, name, description, resolution_target_minutes, status_update_minutes) VALUES
  ('P1', 'Critical', 'Service down or data at risk for many users', 60, 15),
  ('P2', 'High', 'Major feature degraded, workaround hard', 240, 30),
  ('P3', 'Moderate', 'Minor feature degraded, workaround exists', 1440, 120),
  ('P4', 'Low', 'Cosmetic or no user impact', NULL, NULL);

CREATE SEQUENCE incident_number_seq;

CREATE TABLE incidents (
  id text PRIMARY KEY,
  number integer NOT NULL UNIQUE,
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',
  impact text NOT NULL DEFAULT '',
  severity text NOT NULL REFERENCES severity_policies (severity),
  status text NOT NULL CHECK (status IN ('triggered', 'acknowledged', 'mitigated', 'resolved')),
  labels jsonb NOT NULL DEFAULT '{}'::jsonb,
  detected_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  mitigated_at timestamptz,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Sequence number of the last timeline event: the row is the projection of its timeline.
  last_event_seq integer NOT NULL
);
CREATE INDEX incidents_status ON incidents (status, severity);

CREATE TABLE incident_services (
  incident_id text NOT NULL REFERENCES incidents (id),
  service_id text NOT NULL REFERENCES services (id),
  PRIMARY KEY (incident_id, service_id)
);
CREATE INDEX incident_services_service ON incident_services (service_id);

CREATE TABLE incident_roles (
  incident_id text NOT NULL REFERENCES incidents (id),
  role text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (incident_id, role)
);

CREATE TABLE incident_events (
  id bigserial PRIMARY KEY,
  incident_id text NOT NULL REFERENCES incidents (id),
  seq integer NOT NULL,
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  actor_name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (incident_id, seq)
);

-- The timeline is append-only: the database itself refuses to change or remove an event.
CREATE FUNCTION incident_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'incident_events is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER incident_events_no_update BEFORE UPDATE OR DELETE ON incident_events
  FOR EACH ROW EXECUTE FUNCTION incident_events_append_only();
CREATE TRIGGER incident_events_no_truncate BEFORE TRUNCATE ON incident_events
  FOR EACH STATEMENT EXECUTE FUNCTION incident_events_append_only();

CREATE TABLE checklist_templates (
  id text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  items jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE incident_checklists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id text NOT NULL REFERENCES incidents (id),
  template_id text REFERENCES checklist_templates (id),
  name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX incident_checklists_incident ON incident_checklists (incident_id);

CREATE TABLE incident_checklist_items (
  checklist_id uuid NOT NULL REFERENCES incident_checklists (id),
  position integer NOT NULL,
  text text NOT NULL,
  checked_at timestamptz,
  checked_by text,
  PRIMARY KEY (checklist_id, position)
);
