import { randomUUID } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { AppError, notFound, validationError, type FieldIssue } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../storage/database.js';
import { listScheduleIssues } from '../schedules/check-schedule.js';
import { OverrideSchema, type Override, type Schedule } from '../schedules/schedule-model.js';
import { assertScheduleUsers } from '../schedules-store/put-schedule.js';
import { lockScheduleDefinition, saveScheduleDefinition } from './override-statements.js';

export const AddOverrideInput = Type.Object(
  {
    userId: OverrideSchema.properties.userId,
    startsAt: OverrideSchema.properties.startsAt,
    endsAt: OverrideSchema.properties.endsAt,
    reason: OverrideSchema.properties.reason,
  },
  { additionalProperties: false },
);
export type AddOverrideInput = Static<typeof AddOverrideInput>;

/**
 * The override alone is checked as a schedule would check it (a readable period, ending after it
 * starts; an active user), its issues named by this request's fields (`/endsAt`), not by a place
 * in the stored list the caller never sees.
 */
async function checkOverride(db: Queryable, timeZone: string, override: Override): Promise<void> {
  const issues = listScheduleIssues({ timeZone, layers: [], overrides: [override] });
  const rebase = (path: string): string => path.replace(/^\/overrides\/0/, '');
  if (issues.length > 0)
    throw validationError(
      'invalid override',
      issues.map((issue) => ({ ...issue, path: rebase(issue.path) })),
    );
  try {
    await assertScheduleUsers(db, { timeZone, layers: [], overrides: [override] }, '');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw validationError(
      error.message,
      ((error.details['issues'] ?? []) as FieldIssue[]).map((issue) => ({ ...issue, path: rebase(issue.path) })),
    );
  }
}

/**
 * Puts someone on call instead of every layer for a window (responder: covering for a colleague
 * is on-call work, as taking a swap is). The override goes last, so it wins over earlier ones it
 * overlaps. The schedule's row is locked, so a swap taken at the same time is not lost.
 */
export async function addScheduleOverride({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { scheduleId: string } & AddOverrideInput;
}): Promise<Override> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{ definition: Schedule }>(lockScheduleDefinition, [input.scheduleId]);
    if (rows[0] === undefined) throw notFound('schedule', input.scheduleId);
    const override: Override = {
      id: `override-${randomUUID()}`,
      userId: input.userId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      ...(input.reason === undefined || input.reason === '' ? {} : { reason: input.reason }),
    };
    const definition = rows[0].definition;
    const index = definition.overrides.length;
    await checkOverride(tx.db, definition.timeZone, override);
    definition.overrides.push(override);
    await tx.db.query(saveScheduleDefinition, [input.scheduleId, JSON.stringify(definition), tx.now()]);
    await recordAudit(tx, {
      action: 'schedule.override.add',
      targetType: 'schedule',
      targetId: input.scheduleId,
      details: { overrideId: override.id, userId: override.userId, index },
    });
    return override;
  });
}
