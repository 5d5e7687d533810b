import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { secretUses } from '../runbook-uses.js';
import type { ListedSecret, SecretServices } from './secret-model.js';

interface ListedRow {
  [column: string]: unknown;
  name: string;
  description: string | null;
  updated_at: Date;
  updated_by_name: string | null;
}

const selectSecrets = `SELECT name, description, updated_at, updated_by_name FROM secrets ORDER BY name`;

/**
 * The secrets steps can use, by name, without values: the stored ones, then the server
 * variables allowed as secrets (a stored secret of the same name takes precedence over them),
 * each with the runbooks whose steps take it.
 */
export async function listSecrets({ ctx, services }: { ctx: Ctx; services: SecretServices }): Promise<ListedSecret[]> {
  requireRole(ctx, 'responder');
  const { rows } = await ctx.db.query<ListedRow>(selectSecrets);
  const uses = await secretUses(ctx.db);
  const usedBy = (name: string) => uses.get(name) ?? [];
  const stored: ListedSecret[] = rows.map((row) => ({
    name: row.name,
    source: 'store',
    description: row.description,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_name,
    usedBy: usedBy(row.name),
  }));
  const fromEnvironment: ListedSecret[] = [...services.environmentSecrets.keys()]
    .filter((name) => !rows.some((row) => row.name === name))
    .sort()
    .map((name) => ({
      name,
      source: 'environment',
      description: null,
      updatedAt: null,
      updatedBy: null,
      usedBy: usedBy(name),
    }));
  return [...stored, ...fromEnvironment];
}
