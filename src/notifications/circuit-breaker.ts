/**
 * A circuit breaker per channel, as pure functions over a state object the caller stores (a jsonb
 * column, so that every node sees the same breaker). closed → open after `failureThreshold`
 * consecutive retryable failures within `windowMs`; open → half_open once `coolDownMs` has passed,
 * letting one probe delivery through; half_open → closed when it succeeds, back to open when it
 * fails. While open, deliveries wait (they are not failed): the retry policy is not consumed by an
 * outage the breaker already knows about.
 *
 * Several nodes: store the state returned by `checkBreaker` with a compare-and-set (UPDATE … WHERE
 * the state is still the one read) and send only if it won, so that one node alone takes the probe.
 */
import { Type, type Static } from 'typebox';
import type { DeliveryResult } from './delivery-result.js';

export const breakerStates = ['closed', 'open', 'half_open'] as const;

const instant = (description: string) =>
  Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description });

/** Times are ISO strings, so that the object survives a JSON column unchanged. */
export const BreakerStateSchema = Type.Object(
  {
    state: Type.Enum(breakerStates),
    failures: Type.Integer({ minimum: 0, description: 'consecutive retryable failures' }),
    windowStartedAt: instant('first failure of the current streak'),
    openedAt: instant('when the breaker last opened'),
    probeStartedAt: instant('half_open: when the probe was let through (a lost probe is replaced after the cool-down)'),
  },
  { additionalProperties: false, title: 'BreakerState' },
);
export type BreakerState = Static<typeof BreakerStateSchema>;

export const BreakerConfigSchema = Type.Object(
  {
    failureThreshold: Type.Integer({ minimum: 1, maximum: 1000 }),
    windowMs: Type.Integer({ minimum: 1000 }),
    coolDownMs: Type.Integer({ minimum: 1000 }),
  },
  { additionalProperties: false, title: 'BreakerConfig' },
);
export type BreakerConfig = Static<typeof BreakerConfigSchema>;

export const defaultBreakerConfig: BreakerConfig = { failureThreshold: 5, windowMs: 5 * 60_000, coolDownMs: 60_000 };

export const closedBreaker: BreakerState = {
  state: 'closed',
  failures: 0,
  windowStartedAt: null,
  openedAt: null,
  probeStartedAt: null,
};

export type BreakerCheck =
  { allowed: true; state: BreakerState } | { allowed: false; state: BreakerState; retryAt: Date };

/**
 * Whether a delivery may be attempted now. Closed: yes. Open: no until the cool-down has passed,
 * then yes as the probe (the returned state is half_open: store it). Half-open: no while a probe is
 * out, unless it has been out for a whole cool-down (its node died), when this one replaces it.
 */
export function checkBreaker(
  state: BreakerState,
  now: Date,
  config: BreakerConfig = defaultBreakerConfig,
): BreakerCheck {
  if (state.state === 'closed') return { allowed: true, state };
  const since = state.state === 'open' ? state.openedAt : state.probeStartedAt;
  const readyAt = since === null ? now.getTime() : Date.parse(since) + config.coolDownMs;
  if (now.getTime() < readyAt) return { allowed: false, state, retryAt: new Date(readyAt) };
  return { allowed: true, state: { ...state, state: 'half_open', probeStartedAt: now.toISOString() } };
}

/**
 * The state after a delivery attempt ended with `result`. Only retryable failures count against the
 * channel: a 4xx or an SMTP 5xx is about that message, and shows the receiver is up (it ends a
 * streak and closes a half-open breaker). Results arriving while open (attempts started before it
 * opened) change nothing.
 */
export function updateBreaker(
  state: BreakerState,
  result: DeliveryResult,
  now: Date,
  config: BreakerConfig = defaultBreakerConfig,
): BreakerState {
  const failed = result.outcome === 'failed' && result.retryable;
  const at = now.toISOString();
  switch (state.state) {
    case 'open':
      return state;
    case 'half_open':
      return failed
        ? {
            state: 'open',
            failures: state.failures + 1,
            windowStartedAt: state.windowStartedAt,
            openedAt: at,
            probeStartedAt: null,
          }
        : closedBreaker;
    case 'closed': {
      if (!failed) return state.failures === 0 ? state : closedBreaker;
      const inWindow =
        state.windowStartedAt !== null && now.getTime() - Date.parse(state.windowStartedAt) <= config.windowMs;
      const failures = inWindow ? state.failures + 1 : 1;
      const windowStartedAt = inWindow ? state.windowStartedAt : at;
      if (failures >= config.failureThreshold)
        return { state: 'open', failures, windowStartedAt, openedAt: at, probeStartedAt: null };
      return { ...state, failures, windowStartedAt };
    }
  }
}
