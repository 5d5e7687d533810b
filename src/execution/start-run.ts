import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { actorId } from '../core/actor.js';
import { AppError, notFound, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import { loadRunbookVersion } from '../runbooks/load-runbook-version.js';
import { loadRun } from './load-run.js';
import type { Run, RunRow } from './run-model.js';
import { insertRun } from './run-statements.js';

export const StartRunInput = Type.Object(
  {
    runbookId: Type.String({ minLength: 1 }),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the current version' })),
    incidentId: Type.Optional(Type.String({ minLength: 1, description: 'omit for a rehearsal' })),
  },
  { additionalProperties: false },
);
export type StartRunInput = Static<typeof StartRunInput>;

/**
 * Starts a run of a runbook at one version, within an incident (its timeline says so) or
 * standalone as a rehearsal. Steps are then run one by one; nothing runs yet.
 */
export async function startRun({ ctx, input }: { ctx: Ctx; input: StartRunInput }): Promise<Run> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    const runbook = await loadRunbookVersion(tx.db, input.runbookId, input.version);
    if (runbook.deleted_at !== null) throw notFound('runbook', input.runbookId);
    if (input.incidentId !== undefined) {
      const incident = await lockIncidentRow(tx, input.incidentId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found') {
          throw validationError('unknown incident', [
            { path: '/incidentId', message: `no incident ${input.incidentId}` },
          ]);
        }
        throw error;
      });
      if (incident.status === 'resolved') {
        throw validationError('incident resolved', [
          { path: '/incidentId', message: `${incident.id} is resolved: reopen it first` },
        ]);
      }
    }
    const { rows } = await tx.db.query<RunRow>(insertRun, [
      input.incidentId ?? null,
      runbook.id,
      runbook.version,
      tx.now(),
      tx.actor.type,
      actorId(tx.actor),
      tx.actor.name,
    ]);
    const run = rows[0]!;
    if (input.incidentId !== undefined) {
      await appendIncidentEvent(tx, input.incidentId, {
        type: 'run_started',
        payload: {
          runId: run.id,
          runbookId: runbook.id,
          runbookVersion: runbook.version,
          title: runbook.title,
        },
      });
    }
    await recordAudit(tx, {
      action: 'run.start',
      targetType: 'run',
      targetId: run.id,
      details: { runbookId: runbook.id, incidentId: input.incidentId ?? null },
    });
    return loadRun(tx.db, run.id, tx.now());
  });
}
