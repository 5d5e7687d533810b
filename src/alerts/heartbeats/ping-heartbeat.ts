import { inTransaction, type Ctx } from '../../core/context.js';
import type { IngestIntegration } from '../integrations/integration-keys.js';
import { ingestAlerts } from '../pipeline/ingest-alerts.js';
import type { RunbookCatalogue } from '../pipeline/runbook-catalogue.js';
import { heartbeatAlert } from './heartbeat-alert.js';

const recordPing = `
  UPDATE heartbeats h
     SET last_ping_at = $2::timestamptz, due_at = $2::timestamptz + (h.period_seconds + h.grace_seconds) * interval '1 second', state = 'up'
    FROM (SELECT integration_id, state AS previous, last_ping_at AS previous_ping FROM heartbeats WHERE integration_id = $1 FOR UPDATE) p
   WHERE h.integration_id = p.integration_id
  RETURNING p.previous, p.previous_ping, h.due_at`;

/**
 * A job called in: the heartbeat is up until one period (plus grace) from now. If it had been
 * declared silent, its alert resolves in the same transaction.
 */
export async function pingHeartbeat({
  ctx,
  integration,
  catalogue,
}: {
  ctx: Ctx;
  integration: IngestIntegration;
  catalogue: RunbookCatalogue;
}): Promise<{ nextDueAt: string; recovered: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const { rows } = await tx.db.query<{ previous: string; previous_ping: Date | null; due_at: Date }>(recordPing, [
      integration.id,
      now,
    ]);
    const row = rows[0];
    if (row === undefined) throw new Error(`heartbeat integration ${integration.id} has no heartbeat row`);
    const recovered = row.previous === 'down';
    if (recovered)
      await ingestAlerts(
        tx,
        [{ integration, alerts: [heartbeatAlert(integration.name, row.previous_ping, 'resolve', now)] }],
        catalogue,
      );
    return { nextDueAt: row.due_at.toISOString(), recovered };
  });
}
