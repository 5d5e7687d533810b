import { validationError, type FieldIssue } from '../../core/app-error.js';
import type { Queryable } from '../../storage/database.js';
import type { EscalationLevel } from './escalation-policy-model.js';

const tables = { user: 'users', schedule: 'schedules', team: 'teams' } as const;

/** Refuses (400, naming each) targets that do not exist: an unknown user would page nobody at 3 am. */
export async function checkEscalationTargets(
  db: Queryable,
  levels: readonly EscalationLevel[],
  path = '/levels',
): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const type of ['user', 'schedule', 'team'] as const) {
    const wanted = levels.flatMap((level, index) =>
      level.targets.flatMap((target, at) =>
        target.type === type ? [{ id: target.id, path: `${path}/${index}/targets/${at}/id` }] : [],
      ),
    );
    if (wanted.length === 0) continue;
    const condition =
      type === 'user' ? `id::text = ANY($1::text[]) AND deactivated_at IS NULL` : `id = ANY($1::text[])`;
    const { rows } = await db.query<{ id: string }>(`SELECT id::text AS id FROM ${tables[type]} WHERE ${condition}`, [
      wanted.map((entry) => entry.id),
    ]);
    const known = new Set(rows.map((row) => row.id));
    for (const entry of wanted)
      if (!known.has(entry.id)) issues.push({ path: entry.path, message: `no ${type} ${entry.id}` });
  }
  if (issues.length > 0) throw validationError('unknown escalation targets', issues);
}
