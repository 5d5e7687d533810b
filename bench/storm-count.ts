import type { Database } from '../src/storage/database.js';
import { openPgliteDatabase } from '../src/storage/pglite-database.js';
import { openPostgresDatabase } from '../src/storage/postgres-database.js';
import { unpackAlerts } from '../src/alerts/pipeline/inbox-packing.js';
import { batchSize } from './storm-load.js';

/**
 * The storm bench's loss count, read in Astreinte's database once its server has stopped (PGlite
 * admits one process at a time): which storm alerts are stored — handled (in `alerts`) or
 * committed as received and not handled yet (in `alert_inbox`, handled at the next start) — and
 * how many alerts of the batches answered 2xx are in neither. A 2xx promises they are committed,
 * so that number must be 0, after a `kill -9` as after a graceful stop.
 */
export interface StoredCount {
  handled: number;
  inbox: number;
  /** Alerts of acknowledged batches found nowhere. */
  lost: number;
}

const stormInstances = `
  SELECT substring(labels->>'instance' FROM 7)::int AS n
    FROM alerts WHERE labels->>'alertname' = 'StormAlert'`;

/** Counts in the database at `dataDir` (PGlite) or `databaseUrl` (PostgreSQL). */
export async function countStored(
  where: { dataDir: string | null; databaseUrl?: string },
  ackedBatches: readonly number[],
): Promise<StoredCount> {
  const db: Database =
    where.dataDir === null
      ? await openPostgresDatabase(where.databaseUrl!, { poolSize: 1 })
      : await openPgliteDatabase(where.dataDir);
  try {
    const stored = new Set<number>();
    const { rows } = await db.query<{ n: number }>(stormInstances);
    for (const row of rows) stored.add(row.n);
    const handled = stored.size;
    const inbox = await db.query<{ alerts_packed: string }>('SELECT alerts_packed FROM alert_inbox');
    let inInbox = 0;
    for (const row of inbox.rows) {
      for (const alert of unpackAlerts(row.alerts_packed)) {
        const instance = alert.labels['instance'] ?? '';
        if (alert.labels['alertname'] !== 'StormAlert' || !instance.startsWith('storm-')) continue;
        inInbox += 1;
        stored.add(Number(instance.slice('storm-'.length)));
      }
    }
    let lost = 0;
    for (const batch of ackedBatches) {
      for (let n = batch * batchSize; n < (batch + 1) * batchSize; n += 1) if (!stored.has(n)) lost += 1;
    }
    return { handled, inbox: inInbox, lost };
  } finally {
    await db.close();
  }
}
