import { recordAudits } from '../../audit/record-audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { IncomingAlert } from '../alert-model.js';
import type { IngestIntegration } from '../integrations/integration-keys.js';
import { acknowledgeFiringAlerts, resolveFiringAlerts, selectServiceIds } from './alert-statements.js';
import { claimGroupIncidents } from './claim-group-incidents.js';
import { recordAcknowledgedAlerts, recordResolvedAlerts, type ClosedAlert } from './close-alerts.js';
import { findFiringAlerts } from './find-firing-alerts.js';
import { foldAlertEvents } from './fold-alert-events.js';
import { planAlert, type PlannedAlert } from './plan-alert.js';
import { loadSuppressions } from './load-suppressions.js';
import { recordFiredAlerts, type AttachedIncident } from './record-fired-alerts.js';
import { storeFiringAlerts, type FlushTrigger } from './store-firing-alerts.js';
import { suggestRunbooks, type RunbookCatalogue } from './suggest-runbooks.js';

/** The alerts of one request, from one integration. */
export interface AlertSubmission {
  integration: IngestIntegration;
  alerts: IncomingAlert[];
}

/** How many alerts some requests hold. */
export function countAlerts(submissions: readonly AlertSubmission[]): number {
  return submissions.reduce((sum, submission) => sum + submission.alerts.length, 0);
}

type ClosedRow = { id: string; integration_id: string; fingerprint: string; incident_id: string | null; title: string };

/**
 * Stores the alerts of several requests in one transaction (the group commit of `AlertWriter`):
 * repeats update their alert, resolves close it, new paging alerts join or open their group's
 * incident, suppressed ones (silence, maintenance, inhibition) are stored without paging.
 */
export async function ingestAlerts(
  ctx: Ctx,
  submissions: readonly AlertSubmission[],
  catalogue: RunbookCatalogue,
): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const services = new Set((await tx.db.query<{ id: string }>(selectServiceIds)).rows.map((row) => row.id));
    const planned = submissions.flatMap(({ integration, alerts }) =>
      alerts.map((alert) => planAlert(integration, alert, services)),
    );
    const folded = foldAlertEvents(planned);
    const suppressions = await loadSuppressions(tx, now, planned);
    const triggers = [...folded.values()].flatMap((entry): FlushTrigger[] =>
      entry.trigger === null
        ? []
        : [{ planned: entry.trigger, count: entry.triggers, suppressed: suppressions.of(entry.trigger) }],
    );
    let attached: AttachedIncident[] = [];
    if (triggers.length > 0) {
      // An alert pages when it is new, or firing in no incident, and not muted now.
      const states = await findFiringAlerts(
        tx,
        triggers.map((trigger) => trigger.planned),
      );
      const paging = triggers.flatMap(({ planned, suppressed }, index) => {
        const state = states[index]!;
        return suppressed !== null || (state.stored && state.incidentId !== null) ? [] : [planned];
      });
      const claimed = await claimGroupIncidents(tx, paging);
      const storedIds = await storeFiringAlerts(tx, triggers, claimed);
      attached = await recordFiredAlerts(tx, claimed, storedIds);
    }
    await suggestRunbooks(tx, attached, catalogue);

    const integrations = new Map(planned.map((entry) => [entry.integration.id, entry.integration]));
    const closedRows = async (sql: string, entries: PlannedAlert[]): Promise<ClosedAlert[]> => {
      if (entries.length === 0) return [];
      const rows = (
        await tx.db.query<ClosedRow>(sql, [
          now,
          JSON.stringify(
            entries.map((entry) => ({
              integration_id: entry.integration.id,
              fingerprint: entry.alert.fingerprint,
              ends_at: entry.alert.endsAt?.toISOString() ?? null,
            })),
          ),
        ])
      ).rows;
      return rows.map((row) => ({ ...row, integration: integrations.get(row.integration_id)! }));
    };
    const resolved = await closedRows(
      resolveFiringAlerts,
      [...folded.values()].flatMap((entry) => (entry.resolved === null ? [] : [entry.resolved])),
    );
    const acknowledged = await closedRows(
      acknowledgeFiringAlerts,
      [...folded.values()].flatMap((entry) =>
        entry.acknowledged !== null && entry.resolved === null ? [entry.acknowledged] : [],
      ),
    );
    await recordAcknowledgedAlerts(tx, acknowledged);
    await recordResolvedAlerts(tx, resolved);

    await auditIngest(tx, submissions);
  });
}

/**
 * One audit row per integration and flush: alerts arrive by thousands, the audit says who sent how
 * many. Not how many requests: under load the inbox splits a request by group, so a flush no longer
 * knows how many requests its alerts came in (the HTTP metrics count those).
 */
async function auditIngest(ctx: Ctx, submissions: readonly AlertSubmission[]): Promise<void> {
  const counts = new Map<string, { integration: IngestIntegration; received: number }>();
  for (const { integration, alerts } of submissions) {
    const entry = counts.get(integration.id) ?? { integration, received: 0 };
    entry.received += alerts.length;
    counts.set(integration.id, entry);
  }
  for (const { integration, received } of counts.values()) {
    await recordAudits({ ...ctx, actor: { type: 'integration', id: integration.id, name: integration.name } }, [
      { action: 'alerts.ingest', targetType: 'integration', targetId: integration.id, details: { received } },
    ]);
  }
}
