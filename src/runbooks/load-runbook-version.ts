import { notFound } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import type { RunbookVersionRow } from './runbook-row.js';
import { selectRunbookExists, selectRunbookVersion } from './runbook-statements.js';

/**
 * One runbook at `version` (undefined: its current version), deleted or not. 404 names the
 * runbook when it does not exist, and the version when only that is missing.
 */
export async function loadRunbookVersion(db: Queryable, id: string, version?: number): Promise<RunbookVersionRow> {
  const { rows } = await db.query<RunbookVersionRow>(selectRunbookVersion, [id, version ?? null]);
  const row = rows[0];
  if (row !== undefined) return row;
  const exists = await db.query(selectRunbookExists, [id]);
  if (exists.rows.length === 0 || version === undefined) throw notFound('runbook', id);
  throw notFound('runbook version', `${id} v${version}`);
}
