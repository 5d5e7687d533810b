import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { inhibitRuleColumns, toInhibitRule, type InhibitRule, type InhibitRuleRow } from './inhibit-rule-model.js';

/** Every inhibition rule, by name (viewer). */
export async function listInhibitRules({ ctx }: { ctx: Ctx }): Promise<InhibitRule[]> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<InhibitRuleRow>(`SELECT ${inhibitRuleColumns} FROM inhibit_rules ORDER BY name`);
  return rows.map(toInhibitRule);
}
