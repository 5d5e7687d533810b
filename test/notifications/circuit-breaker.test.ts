import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  BreakerStateSchema,
  checkBreaker,
  closedBreaker,
  updateBreaker,
  type BreakerConfig,
  type BreakerState,
} from '../../src/notifications/circuit-breaker.js';
import { failedResult, sentResult } from '../../src/notifications/delivery-result.js';

const config: BreakerConfig = { failureThreshold: 3, windowMs: 60_000, coolDownMs: 30_000 };
const t0 = Date.parse('2025-03-14T14:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const transient = failedResult(true, 'HTTP 503');
const permanent = failedResult(false, 'HTTP 404');
const sent = sentResult({ status: 200 });

function failTimes(state: BreakerState, seconds: number[]): BreakerState {
  return seconds.reduce((current, second) => updateBreaker(current, transient, at(second), config), state);
}

describe('the channel circuit breaker', () => {
  it('lets deliveries through while closed', () => {
    expect(checkBreaker(closedBreaker, at(0), config)).toEqual({ allowed: true, state: closedBreaker });
  });

  it('opens after K consecutive retryable failures within the window', () => {
    const twice = failTimes(closedBreaker, [0, 10]);
    expect(twice).toEqual({
      state: 'closed',
      failures: 2,
      windowStartedAt: at(0).toISOString(),
      openedAt: null,
      probeStartedAt: null,
    });
    const open = failTimes(twice, [20]);
    expect(open).toEqual({
      state: 'open',
      failures: 3,
      windowStartedAt: at(0).toISOString(),
      openedAt: at(20).toISOString(),
      probeStartedAt: null,
    });
    expect(checkBreaker(open, at(21), config)).toEqual({ allowed: false, state: open, retryAt: at(50) });
  });

  it('does not open on failures spread wider than the window', () => {
    const state = failTimes(closedBreaker, [0, 30, 61, 90]);
    expect(state).toMatchObject({ state: 'closed', failures: 2, windowStartedAt: at(61).toISOString() });
  });

  it('starts the count again after a success or a non-retryable failure', () => {
    expect(updateBreaker(failTimes(closedBreaker, [0, 1]), sent, at(2), config)).toEqual(closedBreaker);
    expect(updateBreaker(failTimes(closedBreaker, [0, 1]), permanent, at(2), config)).toEqual(closedBreaker);
    expect(failTimes(updateBreaker(failTimes(closedBreaker, [0, 1]), sent, at(2), config), [3, 4]).state).toBe(
      'closed',
    );
  });

  it('goes half-open after the cool-down and lets one probe through', () => {
    const open = failTimes(closedBreaker, [0, 1, 2]);
    const probe = checkBreaker(open, at(32), config);
    expect(probe).toEqual({
      allowed: true,
      state: { ...open, state: 'half_open', probeStartedAt: at(32).toISOString() },
    });
    expect(checkBreaker(probe.state, at(33), config)).toEqual({ allowed: false, state: probe.state, retryAt: at(62) });
  });

  it('closes when the probe succeeds, or when the receiver answers at all', () => {
    const halfOpen = checkBreaker(failTimes(closedBreaker, [0, 1, 2]), at(40), config).state;
    expect(updateBreaker(halfOpen, sent, at(41), config)).toEqual(closedBreaker);
    expect(updateBreaker(halfOpen, permanent, at(41), config)).toEqual(closedBreaker);
  });

  it('opens again for another cool-down when the probe fails', () => {
    const halfOpen = checkBreaker(failTimes(closedBreaker, [0, 1, 2]), at(40), config).state;
    const reopened = updateBreaker(halfOpen, transient, at(41), config);
    expect(reopened).toMatchObject({
      state: 'open',
      failures: 4,
      openedAt: at(41).toISOString(),
      probeStartedAt: null,
    });
    expect(checkBreaker(reopened, at(70), config).allowed).toBe(false);
    expect(checkBreaker(reopened, at(71), config).allowed).toBe(true);
  });

  it('replaces a probe that never reported (its node died) after a cool-down', () => {
    const halfOpen = checkBreaker(failTimes(closedBreaker, [0, 1, 2]), at(40), config).state;
    expect(checkBreaker(halfOpen, at(70), config)).toEqual({
      allowed: true,
      state: { ...halfOpen, probeStartedAt: at(70).toISOString() },
    });
  });

  it('ignores late results while open', () => {
    const open = failTimes(closedBreaker, [0, 1, 2]);
    expect(updateBreaker(open, sent, at(5), config)).toBe(open);
    expect(updateBreaker(open, transient, at(5), config)).toBe(open);
  });

  it('keeps a state that survives a JSON column', () => {
    const halfOpen = checkBreaker(failTimes(closedBreaker, [0, 1, 2]), at(40), config).state;
    const stored = JSON.parse(JSON.stringify(halfOpen)) as unknown;
    expect(Value.Check(BreakerStateSchema, stored)).toBe(true);
    expect(stored).toEqual(halfOpen);
  });
});
