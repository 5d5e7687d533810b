import { inTransaction, type Ctx } from '../../core/context.js';
import { loadIngestIntegrations } from '../integrations/load-ingest-integrations.js';
import { ingestAlerts, type AlertSubmission } from '../pipeline/ingest-alerts.js';
import type { RunbookCatalogue } from '../pipeline/runbook-catalogue.js';
import { heartbeatAlert } from './heartbeat-alert.js';

/**
 * Heartbeats past their due time, claimed by one node (SKIP LOCKED: two nodes sweeping at once
 * take different rows) and marked down in the transaction that stores their alert, so that a
 * node dying between the two loses nothing and raises nothing twice.
 */
const claimOverdueHeartbeats = `
  UPDATE heartbeats h SET state = 'down'
    FROM (SELECT integration_id FROM heartbeats WHERE state <> 'down' AND due_at <= $1
           ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED) due
   WHERE h.integration_id = due.integration_id
  RETURNING h.integration_id, h.last_ping_at`;

/** Raises an alert for every heartbeat that stayed silent past its period and grace. Returns how many. */
export async function sweepHeartbeats(ctx: Ctx, catalogue: RunbookCatalogue): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const { rows } = await tx.db.query<{ integration_id: string; last_ping_at: Date | null }>(claimOverdueHeartbeats, [
      now,
    ]);
    if (rows.length === 0) return 0;
    const integrations = await loadIngestIntegrations(
      tx.db,
      rows.map((row) => row.integration_id),
    );
    const submissions: AlertSubmission[] = rows.flatMap((row) => {
      const integration = integrations.get(row.integration_id);
      // A disabled integration's heartbeat is marked down without paging.
      return integration === undefined
        ? []
        : [{ integration, alerts: [heartbeatAlert(integration.name, row.last_ping_at, 'trigger', now)] }];
    });
    if (submissions.length > 0) await ingestAlerts(tx, submissions, catalogue);
    return rows.length;
  });
}
