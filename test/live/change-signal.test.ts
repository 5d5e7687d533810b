import { describe, expect, it } from 'vitest';
import { ChangeSignal } from '../../src/live/change-signal.js';

describe('a change signal', () => {
  it('releases every waiter on a notification', async () => {
    const signal = new ChangeSignal();
    const order: string[] = [];
    const waits = [1, 2].map((n) => signal.wait(3_600_000).then(() => order.push(`woken ${n}`)));
    expect(signal.waiting).toBe(2);
    order.push('notify');
    signal.notify();
    await Promise.all(waits);
    expect(order).toEqual(['notify', 'woken 1', 'woken 2']);
    expect(signal.waiting).toBe(0);
  });

  it('does not miss a notification that came between reading the generation and waiting', async () => {
    const signal = new ChangeSignal();
    const since = signal.generation;
    signal.notify(); // while the waiter was reading
    await signal.wait(3_600_000, since); // resolves at once, else the test times out
    expect(signal.generation).toBe(since + 1);
  });

  it('lets a waiter go when its abort resolves, and everyone once closed', async () => {
    const signal = new ChangeSignal();
    let leave: () => void = () => undefined;
    const left = new Promise<void>((resolve) => (leave = resolve));
    const waiting = signal.wait(3_600_000, signal.generation, left);
    leave();
    await waiting;
    const pending = signal.wait(3_600_000);
    signal.close();
    await pending;
    await signal.wait(3_600_000); // closed: at once
    expect(signal.isClosed).toBe(true);
  });
});
