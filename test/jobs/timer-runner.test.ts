import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleTimer } from '../../src/jobs/schedule-timer.js';
import { createTimerRunner } from '../../src/jobs/timer-runner.js';
import { LiveChanges } from '../../src/live/live-changes.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../support/test-database.js';

describe.each(testBackends)('the timer loop on $backend', ({ backend, available }) => {
  let test: TestDatabase;
  let live: LiveChanges;
  beforeAll(async () => {
    if (!available) return;
    test = await openTestDatabase(backend);
    live = new LiveChanges(test.db, 3_600_000);
    await live.start();
  });
  afterAll(async () => {
    if (!available) return;
    await live.stop();
    await test.close();
  });

  it.skipIf(!available)('runs a timer due now as soon as its transaction commits, not at its next look', async () => {
    const order: string[] = [];
    let ran: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const runner = createTimerRunner({
      db: test.db,
      // An hour between looks: only the wake-up from the scheduling node can run it in time.
      intervalMs: 3_600_000,
      scheduled: (follower) => live.onTimers(follower),
      handlers: {
        test: (_tx, timer) => {
          order.push(`ran ${timer.id}`);
          ran();
          return Promise.resolve();
        },
      },
      onError: (error) => order.push(`failed: ${String(error)}`),
    });
    runner.start();
    try {
      await test.db.transaction(async (tx) => {
        await scheduleTimer(tx, { id: 'page-now', kind: 'test', dueAt: new Date(), payload: {} });
        order.push('committing');
      });
      await done;
    } finally {
      await runner.stop();
    }
    expect(order).toEqual(['committing', 'ran page-now']);
  });
});
