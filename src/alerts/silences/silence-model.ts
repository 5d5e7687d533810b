import { Type, type Static } from 'typebox';
import { LabelMatcherSchema, type LabelMatcher } from '../matching/label-matchers.js';

export const SilenceSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    matchers: Type.Array(LabelMatcherSchema),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    comment: Type.String(),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    expiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    state: Type.Enum(['pending', 'active', 'expired']),
  },
  { title: 'Silence' },
);
export type Silence = Static<typeof SilenceSchema>;

export interface SilenceRow {
  [column: string]: unknown;
  id: string;
  matchers: LabelMatcher[];
  starts_at: Date;
  ends_at: Date;
  comment: string;
  created_by_name: string;
  created_at: Date;
  expired_at: Date | null;
}

export const silenceColumns = 'id, matchers, starts_at, ends_at, comment, created_by_name, created_at, expired_at';

/** A silence as the API shows it, its state at `now`. */
export function toSilence(row: SilenceRow, now: Date): Silence {
  const over = row.expired_at !== null || row.ends_at.getTime() <= now.getTime();
  return {
    id: row.id,
    matchers: row.matchers,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    comment: row.comment,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    expiredAt: row.expired_at?.toISOString() ?? null,
    state: over ? 'expired' : row.starts_at.getTime() > now.getTime() ? 'pending' : 'active',
  };
}
