import type { Database, Queryable, Transaction } from '../../storage/database.js';
import type { IncomingAlert } from '../alert-model.js';
import type { IngestIntegration } from '../integrations/integration-keys.js';
import { loadIngestIntegrations } from '../integrations/load-ingest-integrations.js';
import { alertGroupOf } from './alert-group-key.js';
import {
  claimOldestInbox,
  claimUrgentInbox,
  deleteInbox,
  inboxRowParams,
  insertInbox,
} from './alert-inbox-statements.js';
import type { AlertSubmission } from './ingest-alerts.js';
import { fromStored, packAlerts, unpackAlerts, type StoredAlert } from './inbox-packing.js';

/** Parameters of one inbox insert stay under the protocol's 65,535 whatever the batch. */
const maxInboxRows = Math.floor(65_000 / inboxRowParams);

/**
 * Commits the alerts of several requests as received, one statement: what a 2xx promises under
 * load. Each request's alerts are stored a group at a time (a row per group, its alerts packed,
 * see inbox-packing.ts), in arrival order, so that a new group can be handled before the
 * backlog (see `drainInbox`).
 */
export async function storeInInbox(db: Database, submissions: readonly AlertSubmission[], now: Date): Promise<void> {
  const rows: unknown[][] = [];
  for (const { integration, alerts } of submissions) {
    const groups = new Map<string, IncomingAlert[]>();
    for (const alert of alerts) {
      const { groupKey } = alertGroupOf(integration.settings, alert);
      const group = groups.get(groupKey);
      if (group === undefined) groups.set(groupKey, [alert]);
      else group.push(alert);
    }
    for (const [groupKey, grouped] of groups) {
      const hasTrigger = grouped.some((alert) => alert.action === 'trigger');
      const window = integration.settings.groupWindowMinutes;
      rows.push([integration.id, groupKey, window, hasTrigger, packAlerts(grouped)]);
    }
  }
  const insert = async (queryable: Queryable, chunk: unknown[][]): Promise<void> => {
    await queryable.query(insertInbox(chunk.length), [now, ...chunk.flat()]);
  };
  if (rows.length <= maxInboxRows) {
    if (rows.length > 0) await insert(db, rows);
    return;
  }
  // A request of more groups than one statement takes (a webhook of many ungrouped alerts): all or nothing.
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += maxInboxRows)
      await insert(tx, rows.slice(start, start + maxInboxRows));
  });
}

/** Which rows `drainInbox` takes. */
export interface InboxClaim {
  /** Rows at most (an urgent row brings the older rows of its group along, beyond this). */
  limit: number;
  /** Urgent rows (new groups) first, with their groups' older rows; the oldest rows if none. */
  urgentFirst?: boolean;
  /** Only rows received by then (default: all). */
  receivedBefore?: Date | null;
}

type InboxRow = {
  id: string;
  integration_id: string;
  alerts: StoredAlert[] | null;
  alerts_packed: string | null;
};

/**
 * Takes rows from the inbox, in a transaction, and hands their alerts to `handle` in arrival
 * order (which stores them for good in the same transaction); they leave the inbox when it
 * commits. Returns how many rows were taken (0: the inbox is empty, or held by other nodes).
 */
export async function drainInbox(
  db: Database,
  claim: InboxClaim,
  handle: (tx: Transaction, submissions: AlertSubmission[]) => Promise<void>,
): Promise<number> {
  return db.transaction(async (tx) => {
    let rows: InboxRow[] = [];
    if (claim.urgentFirst === true) rows = (await tx.query<InboxRow>(claimUrgentInbox, [claim.limit])).rows;
    if (rows.length === 0)
      rows = (await tx.query<InboxRow>(claimOldestInbox, [claim.limit, claim.receivedBefore ?? null])).rows;
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
