import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';

const lockTeamName = 'SELECT name FROM teams WHERE id = $1 FOR UPDATE';

/** Everything that names the team, by kind: a policy names it inside its levels' targets (jsonb). */
const selectReferences = `
  SELECT 'services' AS kind, id FROM services WHERE owner_team_id = $1
  UNION ALL
  SELECT 'schedules', id FROM schedules WHERE team_id = $1
  UNION ALL
  SELECT 'escalationPolicies', id FROM escalation_policies
   WHERE levels @> jsonb_build_array(jsonb_build_object('targets', jsonb_build_array(jsonb_build_object('type', 'team', 'id', $1::text))))
  ORDER BY 1, 2`;

// Members go with the team (ON DELETE CASCADE): they are the team, not things that point at it.
const deleteTeamRow = 'DELETE FROM teams WHERE id = $1';

type ReferenceKind = 'services' | 'schedules' | 'escalationPolicies';

/**
 * Deletes a team and its memberships (admin). Refused (409, naming them) while a service, a
 * schedule or an escalation policy names it: deleting would leave a service without its owner or
 * a policy paging nobody, without anyone having chosen that.
 */
export async function deleteTeam({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const team = (await tx.db.query<{ name: string }>(lockTeamName, [input.id])).rows[0];
    if (team === undefined) throw notFound('team', input.id);
    const { rows } = await tx.db.query<{ kind: ReferenceKind; id: string }>(selectReferences, [input.id]);
    if (rows.length > 0) {
      const references: Record<ReferenceKind, string[]> = { services: [], schedules: [], escalationPolicies: [] };
      for (const row of rows) references[row.kind].push(row.id);
      const named = Object.entries(references)
        .filter(([, ids]) => ids.length > 0)
        .map(([kind, ids]) => `${kind} ${ids.join(', ')}`);
      throw conflict(`team ${input.id} is still named by ${named.join('; ')}`, { id: input.id, ...references });
    }
    await tx.db.query(deleteTeamRow, [input.id]);
    await recordAudit(tx, {
      action: 'team.delete',
      targetType: 'team',
      targetId: input.id,
      details: { name: team.name },
    });
  });
}
