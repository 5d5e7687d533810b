import type { Labels } from '../../alerts/alert-model.js';
import { ingestAlerts } from '../../alerts/pipeline/ingest-alerts.js';
import { RunbookCatalogue } from '../../alerts/pipeline/runbook-catalogue.js';
import type { Ctx } from '../../core/context.js';
import { loadProbeIntegration, probeAlert, probeIntegrationId } from './probe-alerts.js';

const selectFiring = `
  SELECT labels FROM alerts WHERE integration_id = $1::uuid AND status = 'firing' AND labels->>'probe_id' = ANY($2::text[])`;

/**
 * Resolves every firing alert of these probes (changed or deleted): their incidents say why and
 * may resolve themselves, as when a check passes. Runs in the caller's transaction.
 */
export async function resolveProbeAlerts(ctx: Ctx, probeIds: readonly string[], reason: string): Promise<void> {
  const { rows } = await ctx.db.query<{ labels: Labels }>(selectFiring, [probeIntegrationId, probeIds]);
  if (rows.length === 0) return;
  const integration = await loadProbeIntegration(ctx.db);
  const at = ctx.now();
  // Resolving attaches no runbook: an empty catalogue is enough.
  await ingestAlerts(
    ctx,
    [{ integration, alerts: rows.map((row) => probeAlert(row.labels, 'resolve', at, reason, null)) }],
    new RunbookCatalogue(),
  );
}
