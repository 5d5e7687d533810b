import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { EscalationLevelSchema, EscalationTargetSchema, type EscalationLevel } from './escalation-policy-model.js';
import { resolveEscalationTargets } from './resolve-escalation-targets.js';

export const PreviewEscalationInput = Type.Object(
  {
    levels: Type.Array(EscalationLevelSchema, { minItems: 1, maxItems: 10 }),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
  },
  { additionalProperties: false },
);
export type PreviewEscalationInput = Static<typeof PreviewEscalationInput>;

const PagedPersonSchema = Type.Object(
  { userId: Type.String(), name: Type.String(), via: EscalationTargetSchema },
  { title: 'PagedPerson' },
);

export const EscalationPreviewSchema = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    levels: Type.Array(
      Type.Object({
        level: Type.Integer({ minimum: 1 }),
        delayMinutes: Type.Integer(),
        afterMinutes: Type.Integer({ description: 'minutes after the incident opened, when nobody acknowledges' }),
        people: Type.Array(PagedPersonSchema, { description: 'who this level pages, each person once' }),
        empty: Type.Array(EscalationTargetSchema, {
          description: 'targets that page nobody: a schedule with nobody on call, an empty team, an unknown id',
        }),
      }),
    ),
  },
  { title: 'EscalationPreview' },
);
export type EscalationPreview = Static<typeof EscalationPreviewSchema>;

const selectNames = `SELECT id::text AS id, name FROM users WHERE id::text = ANY($1::text[])`;

/**
 * Who each level would page if an incident opened at `at` (viewer): the levels' targets resolved
 * as the escalation resolves them (schedules to whoever is on call, teams to their active
 * members), all at `at` — the console shows it beside the editor, before anything is saved.
 */
export async function previewEscalationLevels({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { levels: readonly EscalationLevel[]; at?: string | undefined };
}): Promise<EscalationPreview> {
  requireRole(ctx, 'viewer');
  const at = input.at === undefined ? ctx.now() : new Date(input.at);
  const resolved: Array<Awaited<ReturnType<typeof resolveEscalationTargets>>> = [];
  for (const level of input.levels) resolved.push(await resolveEscalationTargets(ctx.db, level.targets, at));
  const ids = [...new Set(resolved.flatMap(({ users }) => users.map((user) => user.userId)))];
  const { rows } = await ctx.db.query<{ id: string; name: string }>(selectNames, [ids]);
  const names = new Map(rows.map((row) => [row.id, row.name]));
  let afterMinutes = 0;
  return {
    at: at.toISOString(),
    levels: input.levels.map((level, index) => {
      afterMinutes += level.delayMinutes;
      const { users, empty } = resolved[index]!;
      return {
        level: index + 1,
        delayMinutes: level.delayMinutes,
        afterMinutes,
        people: users.map((user) => ({ userId: user.userId, name: names.get(user.userId) ?? '', via: user.via })),
        empty,
      };
    }),
  };
}
