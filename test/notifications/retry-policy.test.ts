import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { failedResult, sentResult } from '../../src/notifications/delivery-result.js';
import {
  defaultRetryPolicy,
  planRetry,
  retryDelay,
  RetryPolicySchema,
  type RetryPolicy,
} from '../../src/notifications/retry-policy.js';

const now = new Date('2025-03-14T14:00:00Z');
const transient = failedResult(true, 'HTTP 503');
const middle = () => 0.5;

describe('planRetry', () => {
  it('retries after 30 s, 2 min, 10 min, 30 min, then dead-letters the fifth failure', () => {
    const delays = [1, 2, 3, 4].map((attempt) => planRetry({ attempt, result: transient, now, random: middle }));
    expect(delays).toEqual([
      { action: 'retry', delayMs: 30_000, at: new Date('2025-03-14T14:00:30Z') },
      { action: 'retry', delayMs: 120_000, at: new Date('2025-03-14T14:02:00Z') },
      { action: 'retry', delayMs: 600_000, at: new Date('2025-03-14T14:10:00Z') },
      { action: 'retry', delayMs: 1_800_000, at: new Date('2025-03-14T14:30:00Z') },
    ]);
    expect(planRetry({ attempt: 5, result: transient, now, random: middle })).toEqual({
      action: 'dead_letter',
      reason: 'attempts_exhausted',
    });
  });

  it('spreads each delay within ± the jitter ratio', () => {
    expect(retryDelay(defaultRetryPolicy, 1, () => 0)).toBe(24_000);
    expect(retryDelay(defaultRetryPolicy, 1, () => 0.999_999)).toBe(36_000);
    const draws = Array.from({ length: 200 }, () => retryDelay(defaultRetryPolicy, 2));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(96_000);
    expect(Math.max(...draws)).toBeLessThanOrEqual(144_000);
    expect(new Set(draws).size).toBeGreaterThan(1);
  });

  it('stops at once when delivered or when the failure is not retryable', () => {
    expect(planRetry({ attempt: 1, result: sentResult({ status: 200 }), now })).toEqual({ action: 'done' });
    expect(planRetry({ attempt: 1, result: failedResult(false, 'HTTP 404'), now })).toEqual({
      action: 'dead_letter',
      reason: 'not_retryable',
    });
  });

  it("waits at least the receiver's Retry-After, up to the policy's cap", () => {
    expect(
      planRetry({ attempt: 1, result: { ...transient, retryAfterMs: 300_000 }, now, random: middle }),
    ).toMatchObject({ delayMs: 300_000 });
    expect(planRetry({ attempt: 1, result: { ...transient, retryAfterMs: 5_000 }, now, random: middle })).toMatchObject(
      { delayMs: 30_000 },
    );
    expect(
      planRetry({ attempt: 1, result: { ...transient, retryAfterMs: 86_400_000 }, now, random: middle }),
    ).toMatchObject({ delayMs: 3_600_000 });
  });

  it('follows a configured policy, repeating its last delay', () => {
    const policy: RetryPolicy = { delaysMs: [10_000, 60_000], maxAttempts: 4, jitterRatio: 0, maxRetryAfterMs: 0 };
    expect(Value.Check(RetryPolicySchema, policy)).toBe(true);
    const plan = [1, 2, 3, 4].map((attempt) =>
      planRetry({ policy, attempt, result: { ...transient, retryAfterMs: 999_000 }, now }),
    );
    expect(plan.map((step) => (step.action === 'retry' ? step.delayMs : step.action))).toEqual([
      10_000,
      60_000,
      60_000,
      'dead_letter',
    ]);
  });

  it('lets the schema refuse a policy without delays or attempts', () => {
    expect(Value.Check(RetryPolicySchema, defaultRetryPolicy)).toBe(true);
    expect(Value.Check(RetryPolicySchema, { ...defaultRetryPolicy, delaysMs: [] })).toBe(false);
    expect(Value.Check(RetryPolicySchema, { ...defaultRetryPolicy, maxAttempts: 0 })).toBe(false);
    expect(Value.Check(RetryPolicySchema, { ...defaultRetryPolicy, jitterRatio: 2 })).toBe(false);
  });
});
