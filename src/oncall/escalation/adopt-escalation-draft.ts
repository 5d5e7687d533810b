import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { validationError, type FieldIssue } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { lockDraftToAdopt, markDraftAdopted } from '../../runbooks/lock-draft-to-adopt.js';
import type { Queryable } from '../../storage/database.js';
import {
  EscalationTargetSchema,
  policyColumns,
  toEscalationPolicy,
  type EscalationLevel,
  type EscalationPolicy,
  type EscalationPolicyRow,
  type EscalationTarget,
} from './escalation-policy-model.js';
import { putEscalationPolicy } from './put-escalation-policy.js';

export const AdoptEscalationDraftInput = Type.Object(
  {
    draftId: Type.String({ format: 'uuid' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    targets: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[0-9]+$' }),
        Type.Array(EscalationTargetSchema, { minItems: 1, maxItems: 20 }),
        {
          description:
            'targets per level index (0 = level 1), for levels whose written target names no schedule, team or user',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AdoptEscalationDraftInput = Static<typeof AdoptEscalationDraftInput>;

/** Fallback delay between levels when the document gives none. */
const defaultDelayMinutes = 15;

const fold = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A written target (`Équipe DevOps`, `Astreinte dispatch`) found by name among schedules, teams and people. */
async function findTarget(db: Queryable, written: string): Promise<EscalationTarget | null> {
  const wanted = fold(written);
  for (const [type, sql] of [
    ['schedule', 'SELECT id, name FROM schedules'],
    ['team', 'SELECT id, name FROM teams'],
    ['user', 'SELECT id::text AS id, name FROM users WHERE deactivated_at IS NULL'],
  ] as const) {
    const { rows } = await db.query<{ id: string; name: string }>(sql);
    const found = rows.find((row) => fold(row.name) === wanted || fold(row.id) === wanted);
    if (found !== undefined) return { type, id: found.id };
  }
  return null;
}

/**
 * Turns an escalation-policy draft found in an imported runbook into a policy (admin), in one
 * call: the written levels keep their order and timing (a level "15-30 min" pages 15 minutes after
 * the one before it started at 0), each target is the schedule, team or person of that name, or
 * the one given in `targets`; a level neither names nor is given answers 400 at `/targets/N`.
 * Adopting again into the same policy, unchanged, writes nothing (`nothingNew`, no audit row).
 */
export async function adoptEscalationDraft({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & AdoptEscalationDraftInput;
}): Promise<{ policy: EscalationPolicy; nothingNew: boolean }> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'escalation-policy');
    const issues: FieldIssue[] = [];
    const levels: EscalationLevel[] = [];
    let previousStart = 0;
    for (const [index, level] of draft.data.levels.entries()) {
      const start = level.delayMinutes ?? (index === 0 ? 0 : previousStart + defaultDelayMinutes);
      const given = input.targets?.[String(index)];
      const found =
        given ?? (await findTarget(tx.db, level.target).then((target) => (target === null ? null : [target])));
      if (found === null)
        issues.push({
          path: `/targets/${index}`,
          message: `who is "${level.target}"? no schedule, team or person has that name: give the targets of level ${index + 1}`,
        });
      levels.push({
        delayMinutes: Math.max(0, Math.round(start - (index === 0 ? 0 : previousStart))),
        targets: found ?? [],
      });
      previousStart = start;
    }
    if (issues.length > 0) throw validationError('some levels need targets', issues);
    const wanted = {
      id: input.id,
      name: input.name ?? draft.title,
      levels,
      repeat: Math.min(10, Math.max(0, (draft.data.repeat ?? 1) - 1)),
    };
    const existing = await tx.db.query<EscalationPolicyRow>(
      `SELECT ${policyColumns} FROM escalation_policies WHERE id = $1 FOR UPDATE`,
      [input.id],
    );
    const before = existing.rows[0] === undefined ? null : toEscalationPolicy(existing.rows[0]);
    if (draft.status === 'adopted' && before !== null && sameContent(before, wanted))
      return { policy: before, nothingNew: true };
    const { policy } = await putEscalationPolicy({ ctx: tx, input: wanted });
    await markDraftAdopted(tx.db, input.draftId);
    await recordAudit(tx, {
      action: 'runbook_draft.adopt',
      targetType: 'runbook_draft',
      targetId: input.draftId,
      details: { policyId: input.id },
    });
    return { policy, nothingNew: false };
  });
}

/** Whether a stored policy already is what adopting would write (targets compared in order). */
function sameContent(policy: EscalationPolicy, wanted: Pick<EscalationPolicy, 'name' | 'levels' | 'repeat'>): boolean {
  const content = (p: Pick<EscalationPolicy, 'name' | 'levels' | 'repeat'>) =>
    JSON.stringify([
      p.name,
      p.repeat,
      p.levels.map((level) => [level.delayMinutes, level.targets.map((target) => [target.type, target.id])]),
    ]);
  return content(policy) === content(wanted);
}
