import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import type { Integration } from '../integration-model.js';
import { integrationColumns, toIntegration, type IntegrationRow } from './integration-row.js';

const selectIntegrations = `SELECT ${integrationColumns} FROM integrations WHERE kind <> 'probe' ORDER BY name`;

/** Every integration, by name, keys never shown (viewer); the probes' own is not one to configure. */
export async function listIntegrations({ ctx }: { ctx: Ctx }): Promise<Integration[]> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<IntegrationRow>(selectIntegrations);
  return rows.map(toIntegration);
}
