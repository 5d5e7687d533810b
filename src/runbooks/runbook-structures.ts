import { notFound } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import type { RunbookStructure } from './runbook-model.js';

const selectStructure = `SELECT structure FROM runbook_versions WHERE runbook_id = $1 AND version = $2`;

/**
 * The parsed structure of runbook versions, kept in this process. A version is never changed
 * once stored (an import makes a new one; runbooks are deleted softly, ids never reused), so a
 * kept structure is never stale: running a step reads it three times (execute, claim, end), and
 * a real runbook's structure is tens of kilobytes of JSON.
 */
export class RunbookStructures {
  private readonly kept = new Map<string, RunbookStructure>();

  constructor(private readonly max = 100) {}

  /** The structure of `id` at `version`; 404 when there is no such version. */
  async load(db: Queryable, id: string, version: number): Promise<RunbookStructure> {
    const key = `${version}:${id}`;
    const kept = this.kept.get(key);
    if (kept !== undefined) {
      // Most recently used last: the first key is the one dropped when full.
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept;
    }
    const row = (await db.query<{ structure: RunbookStructure }>(selectStructure, [id, version])).rows[0];
    if (row === undefined) throw notFound('runbook version', `${id} v${version}`);
    if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, row.structure);
    return row.structure;
  }
}
