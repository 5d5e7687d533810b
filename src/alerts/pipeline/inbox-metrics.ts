import { Gauge, type Registry } from 'prom-client';
import type { Queryable } from '../../storage/database.js';

/**
 * Both ends of the inbox from its primary key, in one statement: two index probes whatever the
 * backlog (a count(*) would read every row, at the moment the inbox is the largest), and the
 * number of urgent rows (new groups: few, counted on their partial index, up to a bound). Ids follow
 * arrival and the inbox is drained from its oldest end, so the span of ids is the number of
 * requests waiting — at most a few more when a transaction that took an id rolled back.
 */
const selectInboxEnds = `
  SELECT (SELECT id FROM alert_inbox ORDER BY id LIMIT 1) AS first_id,
         (SELECT id FROM alert_inbox ORDER BY id DESC LIMIT 1) AS last_id,
         (SELECT received_at FROM alert_inbox ORDER BY id LIMIT 1) AS oldest,
         (SELECT count(*)::int FROM (SELECT 1 FROM alert_inbox WHERE urgent LIMIT 10000) u) AS urgent`;

/**
 * The inbox's depth and the age of its oldest request, read at scrape time (the cluster's inbox,
 * every node sees the same): a depth that grows or an age past a few seconds means alerts are
 * accepted faster than they are handled.
 */
export function registerInboxMetrics(registry: Registry, db: Queryable, now: () => Date = () => new Date()): void {
  // A scrape collects the three gauges: they share one query, made by the first and let go by the
  // last (not by time: PGlite may answer a whole scrape and the next without a turn of the event loop).
  let read: Promise<InboxEnds> | null = null;
  let takers = 0;
  const ends = (): Promise<InboxEnds> => {
    if (read === null) {
      read = readInboxEnds(db, now);
      takers = 0;
    }
    const shared = read;
    takers += 1;
    if (takers === 3) read = null;
    return shared;
  };
  new Gauge({
    name: 'astreinte_alert_inbox_depth',
    help: 'Requests of alerts accepted and waiting in the inbox to be handled (all nodes)',
    registers: [registry],
    async collect() {
      this.set((await ends()).depth);
    },
  });
  new Gauge({
    name: 'astreinte_alert_inbox_urgent_depth',
    help: 'Rows of the alert inbox holding a new group (an alert that opens an incident and pages), handled before the rest (all nodes)',
    registers: [registry],
    async collect() {
      this.set((await ends()).urgent);
    },
  });
  new Gauge({
    name: 'astreinte_alert_inbox_oldest_age_seconds',
    help: 'Age of the oldest request waiting in the alert inbox, 0 when empty (all nodes)',
    registers: [registry],
    async collect() {
      this.set((await ends()).ageSeconds);
    },
  });
}

/** How many requests wait in the inbox and how long the oldest has waited. */
export interface InboxEnds {
  depth: number;
  ageSeconds: number;
  /** Rows of new groups waiting (see migration 019). */
  urgent: number;
}

/** The inbox's depth and oldest age now, in one statement of two index probes (see `selectInboxEnds`). */
export async function readInboxEnds(db: Queryable, now: () => Date): Promise<InboxEnds> {
  const { rows } = await db.query<{
    first_id: number | null;
    last_id: number | null;
    oldest: Date | null;
    urgent: number;
  }>(selectInboxEnds);
  const row = rows[0];
  if (row === undefined || row.first_id === null || row.last_id === null || row.oldest === null)
    return { depth: 0, ageSeconds: 0, urgent: 0 };
  return {
    depth: row.last_id - row.first_id + 1,
    urgent: row.urgent,
    ageSeconds: Math.max(0, (now().getTime() - row.oldest.getTime()) / 1000),
  };
}
