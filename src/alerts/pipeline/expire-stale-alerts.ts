import { inTransaction, type Ctx } from '../../core/context.js';
import type { IncomingAlert } from '../alert-model.js';
import { loadIngestIntegrations } from '../integrations/load-ingest-integrations.js';
import { ingestAlerts, type AlertSubmission } from './ingest-alerts.js';
import type { RunbookCatalogue } from './runbook-catalogue.js';

/**
 * Firing alerts whose sender said when they end (Prometheus sends `endsAt` a few resend periods
 * ahead, and re-sends while the rule fires) and that were not refreshed since: as in
 * Alertmanager, they are over. Claimed with SKIP LOCKED so that two nodes never resolve one twice.
 */
const claimExpiredAlerts = `
  SELECT id, integration_id, fingerprint, title, labels, annotations, ends_at FROM alerts
   WHERE status = 'firing' AND ends_at IS NOT NULL AND ends_at <= $1
   ORDER BY ends_at LIMIT 500
     FOR UPDATE SKIP LOCKED`;

type ExpiredRow = {
  integration_id: string;
  fingerprint: string;
  title: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  ends_at: Date;
};

/** Resolves alerts past their `endsAt` with no refresh. Returns how many. */
export async function expireStaleAlerts(ctx: Ctx, catalogue: RunbookCatalogue): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<ExpiredRow>(claimExpiredAlerts, [tx.now()]);
    if (rows.length === 0) return 0;
    const integrations = await loadIngestIntegrations(tx.db, [...new Set(rows.map((row) => row.integration_id))]);
    const byIntegration = new Map<string, AlertSubmission>();
    for (const row of rows) {
      const integration = integrations.get(row.integration_id);
      if (integration === undefined) continue; // a disabled integration's alerts stay as they are
      const alert: IncomingAlert = {
        fingerprint: row.fingerprint,
        action: 'resolve',
        labels: row.labels,
        annotations: row.annotations,
        title: row.title,
        severity: null,
        startsAt: null,
        endsAt: row.ends_at,
        sourceUrl: null,
      };
      const submission = byIntegration.get(integration.id) ?? { integration, alerts: [] };
      submission.alerts.push(alert);
      byIntegration.set(integration.id, submission);
    }
    if (byIntegration.size > 0) await ingestAlerts(tx, [...byIntegration.values()], catalogue);
    return rows.length;
  });
}
