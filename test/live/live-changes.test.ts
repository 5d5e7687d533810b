import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/actor.js';
import { declareIncident } from '../../src/incidents/declare-incident.js';
import { liveChannels } from '../../src/live/live-channels.js';
import { LiveChanges } from '../../src/live/live-changes.js';
import { scheduleTimer } from '../../src/jobs/schedule-timer.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../support/test-database.js';

describe.each(testBackends)('database change notifications on $backend', ({ backend, available }) => {
  let test: TestDatabase;
  beforeAll(async () => {
    if (available) test = await openTestDatabase(backend);
  });
  afterAll(async () => {
    if (available) await test.close();
  });

  it.skipIf(!available)('notify scheduled timers at commit, and nothing for a rolled-back transaction', async () => {
    const heard: (string | null)[] = [];
    let heardOne: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (heardOne = resolve));
    const stop = await test.db.listen(liveChannels.timers, (payload) => {
      heard.push(payload);
      heardOne();
    });
    const dueAt = new Date('2030-01-02T03:04:05.678Z');
    await test.db
      .transaction(async (tx) => {
        await scheduleTimer(tx, { id: 'rolled-back', kind: 'test', dueAt: new Date(0), payload: {} });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await test.db.transaction((tx) => scheduleTimer(tx, { id: 'committed', kind: 'test', dueAt, payload: {} }));
    await first;
    await stop();
    expect(heard).toEqual([String(dueAt.getTime())]);
  });

  it.skipIf(!available)('wake the live incident list when a timeline event commits', async () => {
    const live = new LiveChanges(test.db, 3_600_000);
    await live.start();
    const since = live.incidents.generation;
    const woken = live.incidents.wait(3_600_000, since);
    await declareIncident({
      ctx: { actor: systemActor, requestId: 'test', db: test.db, now: () => new Date() },
      input: { title: 'heard live' },
    });
    await woken; // without the notification, only the hour-long safety read would end it
    expect(live.incidents.generation).toBeGreaterThan(since);
    await live.stop();
    expect(live.isStopped).toBe(true);
  });
});

describe.skipIf(!testBackends[1]!.available)('the PostgreSQL listening connection', () => {
  it('tells its followers that notifications may be lost when cut, then hears again', async () => {
    const test = await openTestDatabase('postgres');
    try {
      const heard: (string | null)[] = [];
      const waiters: (() => void)[] = [];
      const next = () => new Promise<void>((resolve) => waiters.push(resolve));
      await test.db.listen(liveChannels.timers, (payload) => {
        heard.push(payload);
        waiters.shift()?.();
      });
      const cut = next();
      await test.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      );
      await cut;
      const after = next();
      await scheduleTimer(test.db, { id: 'after-cut', kind: 'test', dueAt: new Date(1000), payload: {} });
      await after;
      expect(heard).toEqual([null, '1000']);
    } finally {
      await test.close();
    }
  });
});
