-- Post-mortems: one per incident, written after it, reviewed and published; and the corrective
-- actions they commit to, tracked until done.

CREATE TABLE postmortems (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id text NOT NULL UNIQUE REFERENCES incidents (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in-review', 'published')),
  title text NOT NULL,
  -- IANA zone every time of the document is written in (validated by the application with Luxon).
  time_zone text NOT NULL,
  -- The adopted post-mortem template of an imported runbook the sections came from, if any.
  template_draft_id uuid REFERENCES runbook_drafts (id),
  -- [{key, kind, title, body}]: what humans write, in the template's order.
  sections jsonb NOT NULL,
  -- What the timeline said when drafted: key moments and measured durations (kept as measured).
  facts jsonb NOT NULL,
  -- Optimistic concurrency: every change bumps it; an edit sent with an older one is refused.
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  created_by text NOT NULL,
  published_at timestamptz
);
CREATE INDEX postmortems_status ON postmortems (status, updated_at DESC);

CREATE TABLE postmortem_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  postmortem_id uuid NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
  title text NOT NULL,
  owner_id uuid REFERENCES users (id),
  due_date date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'cancelled')),
  term text CHECK (term IN ('short', 'medium', 'long')),
  done_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX postmortem_actions_postmortem ON postmortem_actions (postmortem_id, created_at);
CREATE INDEX postmortem_actions_pending ON postmortem_actions (due_date) WHERE status IN ('open', 'in-progress');
CREATE INDEX postmortem_actions_owner ON postmortem_actions (owner_id);
