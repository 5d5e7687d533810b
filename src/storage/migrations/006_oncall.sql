-- On-call: how each person wants to be reached, schedules, escalation policies, and the timed
-- work that makes them run (escalation levels, deliveries and their retries, reminders).

-- Which channels reach a person, and after how many minutes of an escalation level.
ALTER TABLE users ADD COLUMN notification_rules jsonb NOT NULL DEFAULT '[{"channel": "email", "delayMinutes": 0}]'::jsonb;

CREATE TABLE schedules (
  id text PRIMARY KEY,
  name text NOT NULL,
  team_id text REFERENCES teams (id),
  -- Time zone, layers and overrides (src/oncall/schedules/schedule-model.ts).
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A user asks for cover of one of their shifts; another takes it (the schedule gets an override).
CREATE TABLE shift_swaps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  schedule_id text NOT NULL REFERENCES schedules (id),
  requested_by uuid NOT NULL REFERENCES users (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  reason text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('open', 'taken', 'cancelled')),
  taken_by uuid REFERENCES users (id),
  override_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);

CREATE TABLE escalation_policies (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- [{delayMinutes, targets: [{type: user | schedule | team, id}]}], level 1 first.
  levels jsonb NOT NULL,
  repeat_count integer NOT NULL DEFAULT 0 CHECK (repeat_count BETWEEN 0 AND 10),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

ALTER TABLE services ADD COLUMN escalation_policy_id text REFERENCES escalation_policies (id);

-- The escalation of an incident: which policy, which cycle. One per incident at a time.
CREATE TABLE incident_escalations (
  incident_id text PRIMARY KEY REFERENCES incidents (id),
  policy_id text NOT NULL REFERENCES escalation_policies (id),
  -- Incremented when re-assignment restarts it: timers of an older generation do nothing.
  generation integer NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'stopped', 'exhausted')),
  started_at timestamptz NOT NULL,
  stopped_at timestamptz,
  stop_reason text
);

-- Work due at a time. Ids are deterministic (`escalate:INC-4:g1:c0:l2`), so scheduling twice is a
-- no-op (ON CONFLICT DO NOTHING); nodes claim due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE timers (
  id text PRIMARY KEY,
  kind text NOT NULL,
  due_at timestamptz NOT NULL,
  payload jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  -- A node working on it holds it until then; past it, another node may take it over.
  lease_until timestamptz,
  done_at timestamptz,
  last_error text
);
CREATE INDEX timers_due ON timers (due_at) WHERE done_at IS NULL;

-- Notification channels an admin configured (SMTP, webhook, chat, SMS); secrets sealed.
CREATE TABLE notification_channels (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('email', 'webhook', 'slack', 'mattermost', 'teams', 'sms')),
  name text NOT NULL,
  -- Secret fields (SMTP password, webhook secret, SMS token, chat webhook URLs) sealed in place.
  config jsonb NOT NULL,
  -- Circuit breaker state, shared by all nodes: {state, failures, openedAt}.
  breaker jsonb NOT NULL DEFAULT '{"state": "closed", "failures": 0}'::jsonb,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Every message: recorded before it is sent, under its idempotency key.
CREATE TABLE notification_deliveries (
  id text PRIMARY KEY,
  incident_id text REFERENCES incidents (id),
  user_id uuid REFERENCES users (id),
  channel_id text NOT NULL REFERENCES notification_channels (id),
  kind text NOT NULL,
  recipient text NOT NULL,
  -- sending: handed to the channel, outcome not recorded yet (a crash leaves it so); unknown: a
  -- crash hid the outcome on a channel without idempotency (shown, not re-sent); skipped: the
  -- incident was acknowledged or resolved before a delayed page was due.
  status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead', 'unknown', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  message jsonb NOT NULL,
  last_error text,
  provider_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX notification_deliveries_incident ON notification_deliveries (incident_id);
CREATE INDEX notification_deliveries_dead ON notification_deliveries (updated_at) WHERE status IN ('dead', 'unknown');

-- Templates an admin edited (defaults live in the code), per kind, locale and channel.
CREATE TABLE notification_templates (
  kind text NOT NULL,
  locale text NOT NULL,
  channel text NOT NULL,
  template jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (kind, locale, channel)
);
