import { describe, expect, it } from 'vitest';
import type { IncomingAlert } from '../../../src/alerts/alert-model.js';
import type { IngestIntegration } from '../../../src/alerts/integrations/integration-keys.js';
import { effectiveSettings } from '../../../src/alerts/integration-model.js';
import { IngestThrottle, rateLimited } from '../../../src/alerts/pipeline/ingest-throttle.js';
import type { Queryable, QueryResult, Row } from '../../../src/storage/database.js';

/** A database whose inbox is what the test says, counting the reads. */
function fakeInbox(ends: { depth: number; oldest: Date | null } | Error) {
  const state = { ends, reads: 0 };
  const db: Queryable = {
    query: <T extends Row = Row>(): Promise<QueryResult<T>> => {
      state.reads += 1;
      if (state.ends instanceof Error) return Promise.reject(state.ends);
      const { depth, oldest } = state.ends;
      const row =
        depth === 0 ? { first_id: null, last_id: null, oldest: null } : { first_id: 1, last_id: depth, oldest };
      return Promise.resolve({ rows: [row as unknown as T], rowCount: 1 });
    },
  };
  return { db, state };
}

const start = new Date('2026-12-07T10:00:00Z');

function throttleOn(db: Queryable, clock: { now: Date }, waiting = () => 0): IngestThrottle {
  return new IngestThrottle({ db, maxAgeMs: 30_000, maxDepth: 100, waiting, now: () => clock.now });
}

describe('the ingest throttle', () => {
  it('reads the inbox once for every check of a 250 ms window, and again after it', async () => {
    const { db, state } = fakeInbox({ depth: 3, oldest: start });
    const clock = { now: start };
    const throttle = throttleOn(db, clock);
    const checks = await Promise.all(Array.from({ length: 50 }, () => throttle.check()));
    expect(checks.every((check) => check === null)).toBe(true);
    clock.now = new Date(start.getTime() + 249);
    await throttle.check();
    expect(state.reads).toBe(1);
    clock.now = new Date(start.getTime() + 250);
    await throttle.check();
    expect(state.reads).toBe(2);
  });

  it("counts the writer's own queue with the inbox, read at every check", async () => {
    const { db } = fakeInbox({ depth: 90, oldest: start });
    let waiting = 0;
    const throttle = throttleOn(db, { now: start }, () => waiting);
    expect(await throttle.check()).toBeNull();
    waiting = 30;
    expect(await throttle.check()).toMatchObject({ reason: 'inbox_depth', depth: 120, retryAfterSeconds: 6 });
  });

  it('asks to come back after how far over the age limit the inbox is, a minute at most', async () => {
    const clock = { now: new Date(start.getTime() + 42_500) };
    expect(await throttleOn(fakeInbox({ depth: 1, oldest: start }).db, clock).check()).toMatchObject({
      reason: 'inbox_age',
      retryAfterSeconds: 13,
    });
    clock.now = new Date(start.getTime() + 3_600_000);
    expect(await throttleOn(fakeInbox({ depth: 1, oldest: start }).db, clock).check()).toMatchObject({
      retryAfterSeconds: 60,
    });
  });

  it('lets alerts in when the inbox cannot be read, rather than refusing on what it does not know', async () => {
    const { db, state } = fakeInbox(new Error('connection lost'));
    const clock = { now: start };
    const throttle = throttleOn(db, clock);
    expect(await throttle.check()).toBeNull();
    expect(await throttle.check()).toBeNull();
    expect(state.reads).toBe(1);
  });

  it('refuses as rate_limited with the wait in its details, which the error mapping turns into Retry-After', () => {
    const refusal = rateLimited({ reason: 'inbox_age', retryAfterSeconds: 7, depth: 12, ageSeconds: 37 });
    expect(refusal.code).toBe('rate_limited');
    expect(refusal.details).toMatchObject({ retryAfterSeconds: 7, reason: 'inbox_age' });
    expect(refusal.message).toMatch(/received 37 s ago/);
  });

  it('reads whether a refused request opens a new group once per window and group, and lets new groups in', async () => {
    const reads: string[][] = [];
    const db: Queryable = {
      query: <T extends Row = Row>(sql: string, params?: unknown[]): Promise<QueryResult<T>> => {
        if (!sql.includes('alert_groups')) {
          const row = { first_id: 1, last_id: 500, oldest: start, urgent: 0 };
          return Promise.resolve({ rows: [row as unknown as T], rowCount: 1 });
        }
        const groups = params![1] as string[];
        reads.push(groups);
        const open = groups.filter((group) => group === '["Storm"]').map((group_key) => ({ group_key }));
        return Promise.resolve({ rows: open as unknown as T[], rowCount: open.length });
      },
    };
    const clock = { now: start };
    const throttle = throttleOn(db, clock);
    const integration = { id: 'i1', settings: effectiveSettings({}) } as IngestIntegration;
    const alert = (alertname: string): IncomingAlert => ({
      fingerprint: alertname,
      action: 'trigger',
      labels: { alertname },
      annotations: {},
      title: alertname,
      severity: null,
      startsAt: null,
      endsAt: null,
      sourceUrl: null,
    });
    for (let n = 0; n < 20; n += 1)
      expect(await throttle.check({ integration, alerts: [alert('Storm')] })).toMatchObject({ reason: 'inbox_depth' });
    expect(reads).toEqual([['["Storm"]']]);
    expect(await throttle.check({ integration, alerts: [alert('Storm'), alert('Canary')] })).toBeNull();
    expect(reads.at(-1)).toEqual(['["Canary"]']);
    clock.now = new Date(start.getTime() + 250);
    await throttle.check({ integration, alerts: [alert('Storm')] });
    expect(reads).toHaveLength(3);
  });
});
