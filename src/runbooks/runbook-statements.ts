/** Named SQL statements shared by the runbook operations. */

/** The severity level the current version states, for lists. */
const severityOf = `v.structure->'metadata'->'severity'->>'level'`;

export const selectRunbookSummaryColumns = `
  SELECT r.id, r.title, r.kind, r.current_version, r.created_at, r.updated_at, r.deleted_at, r.deleted_by, ${severityOf} AS severity
    FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = r.current_version`;

/** One runbook at one version (`$2` null: the current one). */
export const selectRunbookVersion = `
  SELECT r.id, r.title, r.kind, r.current_version, r.created_at, r.updated_at, r.deleted_at, r.deleted_by, ${severityOf} AS severity,
         v.version, v.content_hash, v.structure, v.markdown, v.source_id, v.created_at AS version_created_at, v.created_by AS version_created_by
    FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = COALESCE($2::int, r.current_version)
   WHERE r.id = $1`;

export const selectRunbookExists = `SELECT current_version FROM runbooks WHERE id = $1`;

export const insertRunbook = `
  INSERT INTO runbooks (id, title, kind, current_version, created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $4)
  ON CONFLICT (id) DO NOTHING RETURNING id`;

/** Locks the runbook: concurrent imports of one runbook queue here, so version numbers stay gap-free. */
export const lockRunbook = `
  SELECT r.current_version, r.deleted_at, v.content_hash
    FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = r.current_version
   WHERE r.id = $1 FOR UPDATE OF r`;

export const insertRunbookVersion = `
  INSERT INTO runbook_versions (runbook_id, version, content_hash, structure, markdown, source_id, created_at, created_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

/** A new current version; a deleted runbook given new content is restored. */
export const updateRunbookVersion = `
  UPDATE runbooks SET title = $2, kind = $3, current_version = $4, updated_at = $5, deleted_at = NULL, deleted_by = NULL WHERE id = $1`;

export const selectDraftColumns = `
  SELECT id, kind, title, status, data, content_hash, source_id, created_at FROM runbook_drafts`;

/** The services lint matches runbooks against. */
export const selectServiceNames = `SELECT id, name FROM services ORDER BY id`;
