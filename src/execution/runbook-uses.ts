import { Type, type Static } from 'typebox';
import type { Queryable } from '../storage/database.js';

/** A runbook that uses a secret or a SQL connection, as the listings name it. */
export const RunbookUseSchema = Type.Object(
  { runbookId: Type.String(), title: Type.String() },
  { title: 'RunbookUse' },
);
export type RunbookUse = Static<typeof RunbookUseSchema>;

interface UseRow {
  [column: string]: unknown;
  used: string | null;
  runbook_id: string;
  title: string;
}

// Only the current version of a live runbook counts: that is what a run would execute.
const stepsOfCurrentVersions = `
  FROM runbooks r
  JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = r.current_version
  CROSS JOIN LATERAL jsonb_array_elements(v.structure->'sections') AS section
  CROSS JOIN LATERAL jsonb_array_elements(section->'steps') AS step`;

/** Secret parameters by name: a step whose `${NAME}` is left empty takes the stored secret of that name. */
const selectSecretUses = `
  SELECT DISTINCT parameter->>'name' AS used, r.id AS runbook_id, r.title
  ${stepsOfCurrentVersions}
  CROSS JOIN LATERAL jsonb_array_elements(step->'parameters') AS parameter
  WHERE r.deleted_at IS NULL AND (parameter->>'secret')::boolean
  ORDER BY r.title, r.id`;

/** SQL steps by the connection their fence names; null when it names none. */
const selectConnectionUses = `
  SELECT DISTINCT step->'attributes'->>'connection' AS used, r.id AS runbook_id, r.title
  ${stepsOfCurrentVersions}
  WHERE r.deleted_at IS NULL AND step->>'language' = 'sql'
  ORDER BY r.title, r.id`;

function groupUses(rows: readonly UseRow[]): Map<string | null, RunbookUse[]> {
  const uses = new Map<string | null, RunbookUse[]>();
  for (const row of rows) {
    const list = uses.get(row.used) ?? [];
    if (!list.some((use) => use.runbookId === row.runbook_id))
      list.push({ runbookId: row.runbook_id, title: row.title });
    uses.set(row.used, list);
  }
  return uses;
}

/** The runbooks whose steps take each secret, by secret name: what breaks when one is deleted. */
export async function secretUses(db: Queryable): Promise<ReadonlyMap<string | null, RunbookUse[]>> {
  return groupUses((await db.query<UseRow>(selectSecretUses)).rows);
}

/**
 * The runbooks whose SQL steps run on each connection, by connection name. A step naming none
 * runs on the only connection when there is one (see `chooseSqlConnection`): it counts for it then.
 */
export async function connectionUses(
  db: Queryable,
  names: readonly string[],
): Promise<ReadonlyMap<string, RunbookUse[]>> {
  const grouped = groupUses((await db.query<UseRow>(selectConnectionUses)).rows);
  const unnamed = grouped.get(null) ?? [];
  return new Map(
    names.map((name) => {
      const named = grouped.get(name) ?? [];
      const implicit =
        names.length === 1 ? unnamed.filter((use) => !named.some((one) => one.runbookId === use.runbookId)) : [];
      return [name, [...named, ...implicit].sort((a, b) => a.title.localeCompare(b.title))];
    }),
  );
}
