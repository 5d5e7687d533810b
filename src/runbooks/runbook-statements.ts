/** Named SQL statements shared by the runbook operations. */

/** The severity level the current version states, for lists. */
const severityOf = `v.structure->'metadata'->'severity'->>'level'`;

/** What a list shows of the version besides its severity: its language and how many steps it has. */
const versionFacts = `v.structure->>'language' AS language,
  (SELECT COALESCE(sum(jsonb_array_length(s.section->'steps')), 0) FROM jsonb_array_elements(v.structure->'sections') AS s(section))::int AS steps`;

export const selectRunbookSummaryColumns = `
  SELECT r.id, r.title, r.kind, r.current_version, r.created_at, r.updated_at, r.deleted_at, r.deleted_by, ${severityOf} AS severity,
         ${versionFacts}
    FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = r.current_version`;

/** One runbook at one version (`$2` null: the current one). */
export const selectRunbookVersion = `
  SELECT r.id, r.title, r.kind, r.current_version, r.created_at, r.updated_at, r.deleted_at, r.deleted_by, ${severityOf} AS severity,
         ${versionFacts},
         v.version, v.content_hash, v.structure, v.markdown, v.source_id, v.created_at AS version_created_at, v.created_by AS version_created_by
    FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = COALESCE($2::int, r.current_version)
   WHERE r.id = $1`;

export const selectRunbookExists = `SELECT current_version FROM runbooks WHERE id = $1`;

export const selectDraftColumns = `
  SELECT id, kind, title, status, data, content_hash, source_id, created_at FROM runbook_drafts`;

/** The services lint matches runbooks against. */
export const selectServiceNames = `SELECT id, name FROM services ORDER BY id`;
