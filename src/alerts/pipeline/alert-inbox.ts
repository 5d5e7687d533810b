import type { Database, Queryable, Transaction } from '../../storage/database.js';
import type { IncomingAlert } from '../alert-model.js';
import type { IngestIntegration } from '../integrations/integration-keys.js';
import { loadIngestIntegrations } from '../integrations/load-ingest-integrations.js';
import type { AlertSubmission } from './ingest-alerts.js';

/** An alert as the inbox keeps it: JSON, dates as ISO strings. */
type StoredAlert = Omit<IncomingAlert, 'startsAt' | 'endsAt'> & { startsAt: string | null; endsAt: string | null };

const insertInbox = `
  INSERT INTO alert_inbox (integration_id, received_at, alerts)
  SELECT r.integration_id, $1::timestamptz, r.alerts
    FROM json_to_recordset($2::json) AS r(integration_id uuid, alerts json)`;

/**
 * The oldest inbox rows, claimed: SKIP LOCKED lets several nodes drain the inbox at once, each
 * taking rows the others do not hold (arrival order holds within what one node takes).
 */
const claimInbox = `
  SELECT id, integration_id, alerts FROM alert_inbox WHERE ($2::timestamptz IS NULL OR received_at <= $2) ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`;
const deleteInbox = `DELETE FROM alert_inbox WHERE id = ANY($1::bigint[])`;

/**
 * Commits the alerts of several requests as received, one statement: what a 2xx promises under
 * load. A plain function scan yields the array in order, so ids follow arrival.
 */
export async function storeInInbox(db: Queryable, submissions: readonly AlertSubmission[], now: Date): Promise<void> {
  const rows = submissions.map(({ integration, alerts }) => ({
    integration_id: integration.id,
    alerts: alerts.map((alert): StoredAlert => ({ ...alert, startsAt: alert.startsAt?.toISOString() ?? null, endsAt: alert.endsAt?.toISOString() ?? null })),
  }));
  await db.query(insertInbox, [now, JSON.stringify(rows)]);
}

/**
 * Takes up to `limit` of the oldest requests from the inbox, in a transaction, and hands them to
 * `handle` (which stores them for good in the same transaction); they leave the inbox when it
 * commits. Only rows received by `receivedBefore` (default: all). Returns how many requests were
 * taken (0: the inbox is empty, or held by other nodes).
 */
export async function drainInbox(
  db: Database,
  limit: number,
  handle: (tx: Transaction, submissions: AlertSubmission[]) => Promise<void>,
  receivedBefore: Date | null = null,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; integration_id: string; alerts: StoredAlert[] }>(claimInbox, [limit, receivedBefore]);
    if (rows.length === 0) return 0;
    const integrations = await loadIngestIntegrations(tx, [...new Set(rows.map((row) => row.integration_id))]);
    const submissions = rows.flatMap((row) => {
      const integration: IngestIntegration | undefined = integrations.get(row.integration_id);
      // Accepted before its integration was disabled: dropped, as a request now would be refused.
      if (integration === undefined) return [];
      const alerts = row.alerts.map((alert): IncomingAlert => ({
        ...alert, startsAt: alert.startsAt === null ? null : new Date(alert.startsAt), endsAt: alert.endsAt === null ? null : new Date(alert.endsAt),
      }));
      return [{ integration, alerts }];
    });
    if (submissions.length > 0) await handle(tx, submissions);
    await tx.query(deleteInbox, [rows.map((row) => row.id)]);
    return rows.length;
  });
}
