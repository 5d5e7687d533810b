import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { actorId } from '../../core/actor.js';
import { validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { compileMatchers, LabelMatcherSchema, parseMatcher, type LabelMatcher } from '../matching/label-matchers.js';
import { silenceColumns, toSilence, type Silence, type SilenceRow } from './silence-model.js';

export const CreateSilenceInput = Type.Object(
  {
    matchers: Type.Array(
      Type.Union([
        LabelMatcherSchema,
        Type.String({ minLength: 3, maxLength: 1100, description: 'amtool syntax: alertname=~"Redis.*"' }),
      ]),
      { minItems: 1, maxItems: 50 },
    ),
    startsAt: Type.Optional(Type.String({ format: 'date-time', description: 'default now' })),
    endsAt: Type.String({ format: 'date-time' }),
    comment: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type CreateSilenceInput = Static<typeof CreateSilenceInput>;

const insertSilence = `
  INSERT INTO silences (matchers, starts_at, ends_at, comment, created_at, created_by_type, created_by_id, created_by_name)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  RETURNING ${silenceColumns}`;

/**
 * Mutes alerts matching every matcher, from `startsAt` to `endsAt` (responder). Muted alerts are
 * still stored and shown; they do not page. As in Alertmanager, a silence must not match every
 * alert (one of its matchers must refuse the empty label set).
 */
export async function createSilence({ ctx, input }: { ctx: Ctx; input: CreateSilenceInput }): Promise<Silence> {
  requireRole(ctx, 'responder');
  const matchers: LabelMatcher[] = input.matchers.map((matcher, index) =>
    typeof matcher === 'string' ? parseMatcher(matcher, `/matchers/${index}`) : matcher,
  );
  const matchesAnything = compileMatchers(matchers, '/matchers');
  if (matchesAnything({}))
    throw validationError('this silence would mute every alert', [
      { path: '/matchers', message: 'at least one matcher must need a label value' },
    ]);
  const now = ctx.now();
  const startsAt = input.startsAt === undefined ? now : new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt.getTime() <= Math.max(startsAt.getTime(), now.getTime())) {
    throw validationError('the silence would be over before it starts', [
      { path: '/endsAt', message: 'must be after startsAt and in the future' },
    ]);
  }
  return inTransaction(ctx, async (tx) => {
    const { actor } = tx;
    const { rows } = await tx.db.query<SilenceRow>(insertSilence, [
      JSON.stringify(matchers),
      startsAt,
      endsAt,
      input.comment,
      tx.now(),
      actor.type,
      actorId(actor),
      actor.name,
    ]);
    const silence = toSilence(rows[0]!, tx.now());
    await recordAudit(tx, {
      action: 'silence.create',
      targetType: 'silence',
      targetId: silence.id,
      details: { matchers, endsAt: silence.endsAt },
    });
    return silence;
  });
}
