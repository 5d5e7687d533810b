-- Runbooks imported from Markdown/text files: the sources as uploaded, the runbooks and their
-- versions, and the drafts of incident-process parts found around them.

CREATE TABLE runbook_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filename text NOT NULL,
  -- SHA-256 of the raw bytes: the same upload twice is one source.
  sha256 text NOT NULL UNIQUE,
  content bytea NOT NULL,
  -- The text after decoding and repairs, which every line number of the reports refers to.
  repaired_text text NOT NULL,
  decode_report jsonb NOT NULL,
  extraction_report jsonb NOT NULL DEFAULT '{}'::jsonb,
  imported_at timestamptz NOT NULL,
  imported_by_type text NOT NULL,
  imported_by_id text,
  imported_by_name text NOT NULL
);

CREATE TABLE runbooks (
  -- A slug of the title: it appears in URLs, the CLI and, later, alert routing.
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('incident', 'procedure')),
  current_version integer NOT NULL CHECK (current_version >= 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  deleted_by text
);
CREATE INDEX runbooks_live_title ON runbooks (lower(title)) WHERE deleted_at IS NULL;

CREATE TABLE runbook_versions (
  runbook_id text NOT NULL REFERENCES runbooks (id),
  version integer NOT NULL CHECK (version >= 1),
  -- SHA-256 of the canonical JSON of the structure (positions left out): equal hashes, same content.
  content_hash text NOT NULL,
  structure jsonb NOT NULL,
  -- The runbook's own lines of the repaired source.
  markdown text NOT NULL,
  source_id uuid NOT NULL REFERENCES runbook_sources (id),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  PRIMARY KEY (runbook_id, version)
);
CREATE INDEX runbook_versions_source ON runbook_versions (source_id);

CREATE TABLE runbook_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  title text NOT NULL,
  data jsonb NOT NULL,
  content_hash text NOT NULL,
  source_id uuid NOT NULL REFERENCES runbook_sources (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted', 'dismissed')),
  created_at timestamptz NOT NULL,
  -- Re-importing a file finds its drafts again instead of adding copies.
  UNIQUE (kind, content_hash)
);
CREATE INDEX runbook_drafts_status ON runbook_drafts (status, kind);
CREATE INDEX runbook_drafts_source ON runbook_drafts (source_id);
