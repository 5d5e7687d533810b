import type { Logger } from 'pino';
import { Gauge, type Registry } from 'prom-client';
import { AppError } from '../../core/app-error.js';
import type { Queryable } from '../../storage/database.js';
import { readInboxEnds, type InboxEnds } from './inbox-metrics.js';
import type { AlertSubmission } from './ingest-alerts.js';
import { openGroupsAmong, triggerGroupsOf } from './opens-new-group.js';

/** How long one reading of the inbox serves: at most one query per this on a node, whatever the request rate. */
const refreshMs = 250;
/** The most a refusal asks to wait: a longer wait would delay pages more than it spares the node. */
const maxRetryAfterSeconds = 60;
/** New groups are let in past the limits while fewer than this many wait (a flood of them is a backlog too). */
const maxUrgentRows = 1_000;
/** Open groups remembered at most (all forgotten past it: they are read again). */
const maxRememberedGroups = 10_000;

export type ThrottleReason = 'inbox_age' | 'inbox_depth';

/** Why alerts are refused now, and when to come back. */
export interface Throttling {
  reason: ThrottleReason;
  retryAfterSeconds: number;
  depth: number;
  ageSeconds: number;
}

export interface IngestThrottleOptions {
  db: Queryable;
  /** The inbox's oldest request may wait this long before new alerts are refused. */
  maxAgeMs: number;
  /** Requests waiting (the inbox, the cluster's, plus this node's writer queue) before new alerts are refused. */
  maxDepth: number;
  /** Requests this node's writer holds in memory, not yet committed anywhere. */
  waiting: () => number;
  now: () => Date;
  logger?: Pick<Logger, 'error'>;
}

/**
 * Says when a node cannot keep up with the alerts it is sent: the inbox (what was accepted but
 * not yet handled) is too old or too deep. Ingest then refuses new alerts (429 with Retry-After,
 * nothing stored) rather than let the backlog grow without bound: senders keep them and retry.
 * The inbox is read at most every `refreshMs`, shared by every request in that window (never a
 * query per request); the writer's own queue is read each time, for free. A request that opens a
 * new group (its first alert pages) is still let in, while few such wait: it is handled before
 * the backlog (see InboxDrainer), so the backlog is no reason to delay it.
 */
export class IngestThrottle {
  private cached: { at: number; ends: InboxEnds } | null = null;
  private reading: Promise<InboxEnds> | null = null;
  /** Groups found open while refusing, and when: a storm's requests are refused without a read each. */
  private readonly openGroups = new Map<string, number>();

  constructor(private readonly options: IngestThrottleOptions) {}

  /** Null when these alerts (or, without any, alerts in general) may come in; else why not. */
  async check(submission?: AlertSubmission): Promise<Throttling | null> {
    const ends = await this.inbox();
    const refusal = this.refusal(ends);
    if (refusal === null || submission === undefined || ends.urgent >= maxUrgentRows) return refusal;
    return (await this.opensNewGroup(submission)) ? null : refusal;
  }

  /** Whether a trigger of the request feeds a group with no incident to join (its first alert pages). */
  private async opensNewGroup(submission: AlertSubmission): Promise<boolean> {
    const now = this.options.now();
    const at = now.getTime();
    const keyOf = (group: string): string => `${submission.integration.id}\u0000${group}`;
    const unknown = triggerGroupsOf(submission).filter((group) => {
      const seen = this.openGroups.get(keyOf(group));
      return seen === undefined || at < seen || at - seen >= refreshMs;
    });
    if (unknown.length === 0) return false;
    const open = await openGroupsAmong(this.options.db, submission.integration, unknown, now);
    if (this.openGroups.size > maxRememberedGroups) this.openGroups.clear();
    for (const group of open) this.openGroups.set(keyOf(group), at);
    return open.size < unknown.length;
  }

  private refusal({ depth, ageSeconds }: InboxEnds): Throttling | null {
    const total = depth + this.options.waiting();
    const maxAgeSeconds = this.options.maxAgeMs / 1000;
    if (ageSeconds > maxAgeSeconds) return throttling('inbox_age', ageSeconds - maxAgeSeconds, total, ageSeconds);
    // Both limits say how much backlog is too much: a depth over its limit by a fraction is read
    // as the age limit over by the same fraction, the time the backlog needs to shrink back.
    if (total > this.options.maxDepth)
      return throttling(
        'inbox_depth',
        (maxAgeSeconds * (total - this.options.maxDepth)) / this.options.maxDepth,
        total,
        ageSeconds,
      );
    return null;
  }

  private async inbox(): Promise<InboxEnds> {
    const at = this.options.now().getTime();
    const cached = this.cached;
    if (cached !== null && at >= cached.at && at - cached.at < refreshMs) return cached.ends;
    this.reading ??= this.read(at).finally(() => (this.reading = null));
    return this.reading;
  }

  private async read(at: number): Promise<InboxEnds> {
    try {
      const ends = await readInboxEnds(this.options.db, this.options.now);
      this.cached = { at, ends };
      return ends;
    } catch (error) {
      // Not knowing is no reason to refuse: storing will fail on its own if the database is gone.
      this.options.logger?.error({ err: error }, 'reading the alert inbox for the ingest throttle failed');
      const ends = this.cached?.ends ?? { depth: 0, ageSeconds: 0, urgent: 0 };
      this.cached = { at, ends };
      return ends;
    }
  }
}

/** Registers `astreinte_alert_ingest_throttled`: 1 while ingest refuses alerts, read at scrape time. */
export function registerThrottleMetric(registry: Registry, throttle: IngestThrottle): void {
  new Gauge({
    name: 'astreinte_alert_ingest_throttled',
    help: "Whether this node's alert ingest refuses new alerts (429) because the inbox is too old or too deep",
    registers: [registry],
    async collect() {
      this.set((await throttle.check()) === null ? 0 : 1);
    },
  });
}

/** The refusal (429, `rate_limited`, Retry-After from its details) ingest answers while throttled. */
export function rateLimited(refusal: Throttling): AppError {
  return new AppError(
    'rate_limited',
    `Astreinte cannot keep up with the alerts it is sent (${describe(refusal)}): nothing was stored, send again later`,
    { ...refusal },
  );
}

function throttling(reason: ThrottleReason, overSeconds: number, depth: number, ageSeconds: number): Throttling {
  const retryAfterSeconds = Math.min(maxRetryAfterSeconds, Math.max(1, Math.ceil(overSeconds)));
  return { reason, retryAfterSeconds, depth, ageSeconds: Math.round(ageSeconds * 1000) / 1000 };
}

function describe(refusal: Throttling): string {
  return refusal.reason === 'inbox_age'
    ? `the oldest alerts waiting were received ${Math.round(refusal.ageSeconds)} s ago`
    : `${refusal.depth} requests of alerts are waiting`;
}
