import { conflict, notFound } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { loadRunbookVersion } from '../runbooks/load-runbook-version.js';
import type { Section, Step } from '../runbooks/runbook-model.js';
import type { RunbookStructures } from '../runbooks/runbook-structures.js';
import type { RunRow } from './run-model.js';
import { lockRun } from './run-statements.js';

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Locks a run that is still active for the rest of the transaction; 404 / 409 otherwise. */
export async function lockActiveRun(db: Queryable, runId: string): Promise<RunRow> {
  const run = uuidPattern.test(runId) ? (await db.query<RunRow>(lockRun, [runId])).rows[0] : undefined;
  if (run === undefined) throw notFound('run', runId);
  if (run.status !== 'active') throw conflict(`the run is ${run.status}`, { status: run.status });
  return run;
}

/**
 * Locks an active run and finds one step of its runbook version, with its section; 404 / 409
 * otherwise. With `structures`, the version's structure is read from this process's copy.
 */
export async function lockRunStep(
  db: Queryable,
  runId: string,
  stepId: string,
  structures?: RunbookStructures,
): Promise<{ run: RunRow; section: Section; step: Step }> {
  const run = await lockActiveRun(db, runId);
  const structure =
    structures === undefined
      ? (await loadRunbookVersion(db, run.runbook_id, run.runbook_version)).structure
      : await structures.load(db, run.runbook_id, run.runbook_version);
  for (const section of structure.sections) {
    const step = section.steps.find((candidate) => candidate.id === stepId);
    if (step !== undefined) return { run, section, step };
  }
  throw notFound('step', `${run.runbook_id}#${stepId}`);
}
