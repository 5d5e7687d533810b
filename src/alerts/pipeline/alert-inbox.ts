import type { Database, Queryable, Transaction } from '../../storage/database.js';
import type { IngestIntegration } from '../integrations/integration-keys.js';
import { loadIngestIntegrations } from '../integrations/load-ingest-integrations.js';
import type { AlertSubmission } from './ingest-alerts.js';
import { fromStored, packAlerts, unpackAlerts, type StoredAlert } from './inbox-packing.js';

/**
 * One row per request, each request's packed alerts in a parameter of its own (an array or record
 * parameter would be escaped and parsed again), and VALUES inserts in the order written, so ids
 * follow arrival.
 */
function insertInbox(requests: number): string {
  const rows = Array.from(
    { length: requests },
    (_, index) => `($1::timestamptz, $${2 * index + 2}::uuid, $${2 * index + 3})`,
  );
  return `INSERT INTO alert_inbox (received_at, integration_id, alerts_packed) VALUES ${rows.join(', ')}`;
}

/**
 * The oldest inbox rows, claimed: SKIP LOCKED lets several nodes drain the inbox at once, each
 * taking rows the others do not hold (arrival order holds within what one node takes).
 */
const claimInbox = `
  SELECT id, integration_id, alerts, alerts_packed FROM alert_inbox WHERE ($2::timestamptz IS NULL OR received_at <= $2) ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`;
const deleteInbox = `DELETE FROM alert_inbox WHERE id = ANY($1::bigint[])`;

/**
 * Commits the alerts of several requests as received, one statement: what a 2xx promises under
 * load. Each request's alerts are packed (see inbox-packing.ts).
 */
export async function storeInInbox(db: Queryable, submissions: readonly AlertSubmission[], now: Date): Promise<void> {
  const params: unknown[] = [now];
  for (const { integration, alerts } of submissions) params.push(integration.id, packAlerts(alerts));
  await db.query(insertInbox(submissions.length), params);
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
    const { rows } = await tx.query<{
      id: string;
      integration_id: string;
      alerts: StoredAlert[] | null;
      alerts_packed: string | null;
    }>(claimInbox, [limit, receivedBefore]);
    if (rows.length === 0) return 0;
    const integrations = await loadIngestIntegrations(tx, [...new Set(rows.map((row) => row.integration_id))]);
    const submissions = rows.flatMap((row) => {
      const integration: IngestIntegration | undefined = integrations.get(row.integration_id);
      // Accepted before its integration was disabled: dropped, as a request now would be refused.
      if (integration === undefined) return [];
      // Rows from before migration 009 hold plain JSON.
      const alerts = row.alerts_packed === null ? fromStored(row.alerts ?? []) : unpackAlerts(row.alerts_packed);
      return [{ integration, alerts }];
    });
    if (submissions.length > 0) await handle(tx, submissions);
    await tx.query(deleteInbox, [rows.map((row) => row.id)]);
    return rows.length;
  });
}
