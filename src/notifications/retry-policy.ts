import { Type, type Static } from 'typebox';
import type { DeliveryResult } from './delivery-result.js';

/** When failed deliveries are tried again, and when they are given up (dead-lettered). */
export const RetryPolicySchema = Type.Object(
  {
    delaysMs: Type.Array(Type.Integer({ minimum: 1000, maximum: 86_400_000 }), {
      minItems: 1,
      maxItems: 20,
      description: 'wait before the 2nd, 3rd, … attempt; the last one repeats when there are more attempts than delays',
    }),
    maxAttempts: Type.Integer({
      minimum: 1,
      maximum: 50,
      description: 'attempts in all, the first included; then the delivery is dead-lettered',
    }),
    jitterRatio: Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'each delay is drawn within ± this fraction of itself',
    }),
    maxRetryAfterMs: Type.Integer({
      minimum: 0,
      maximum: 86_400_000,
      description: "a receiver's Retry-After is honoured up to this",
    }),
  },
  { additionalProperties: false, title: 'RetryPolicy' },
);
export type RetryPolicy = Static<typeof RetryPolicySchema>;

/** 30 s, 2 min, 10 min, 30 min, then dead-letter: five attempts over about 42 minutes. */
export const defaultRetryPolicy: RetryPolicy = {
  delaysMs: [30_000, 120_000, 600_000, 1_800_000],
  maxAttempts: 5,
  jitterRatio: 0.2,
  maxRetryAfterMs: 3_600_000,
};

export type RetryDecision =
  | { action: 'done' }
  | { action: 'retry'; delayMs: number; at: Date }
  | { action: 'dead_letter'; reason: 'not_retryable' | 'attempts_exhausted' };

/**
 * What to do after attempt number `attempt` (1 for the first) ended with `result`: nothing more
 * when sent; dead-letter when the failure is not retryable or that was the last attempt; otherwise
 * retry after the policy's delay for that attempt, jittered so that deliveries failed by one outage
 * do not all come back in the same second, and never sooner than the receiver's Retry-After.
 * `random` is injectable (default Math.random) for tests.
 */
export function planRetry(input: {
  policy?: RetryPolicy;
  attempt: number;
  result: DeliveryResult;
  now: Date;
  random?: () => number;
}): RetryDecision {
  const policy = input.policy ?? defaultRetryPolicy;
  const { attempt, result } = input;
  if (result.outcome === 'sent') return { action: 'done' };
  if (!result.retryable) return { action: 'dead_letter', reason: 'not_retryable' };
  if (attempt >= policy.maxAttempts) return { action: 'dead_letter', reason: 'attempts_exhausted' };
  const delayMs = Math.max(
    retryDelay(policy, attempt, input.random ?? Math.random),
    Math.min(result.retryAfterMs ?? 0, policy.maxRetryAfterMs),
  );
  return { action: 'retry', delayMs, at: new Date(input.now.getTime() + delayMs) };
}

/** The jittered wait after failed attempt `attempt` (1-based). */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = policy.delaysMs[Math.min(Math.max(attempt, 1), policy.delaysMs.length) - 1]!;
  // Equal spread on both sides keeps the schedule's shape (30 s stays about 30 s) where full
  // jitter would let a page's first retry come back at once.
  const factor = 1 - policy.jitterRatio + 2 * policy.jitterRatio * random();
  return Math.round(base * factor);
}
