/**
 * What a probe remembers between checks, and how one check moves it on: the rules of a
 * Prometheus alerting rule (`for`, `keep_firing_for`) plus retries and flap damping. Pure: the
 * runner stores the state in `probes.state` and acts on the alert decision.
 */

export const probeStatuses = ['unknown', 'up', 'pending', 'down', 'flapping'] as const;
export type ProbeStatus = (typeof probeStatuses)[number];

/** The part of a probe's settings the state machine reads. */
export interface StateSettings {
  /** Failed checks tolerated before the probe counts as failing. */
  retries: number;
  /** How long it must fail (from its first failed check) before the alert fires. */
  forSeconds: number;
  /** How long the alert keeps firing after the checks pass again. */
  keepFiringForSeconds: number;
}

export interface ProbeState {
  /** Consecutive failed and passed checks (one of them is 0). */
  failures: number;
  successes: number;
  /** When the current run of failures began (ISO), null while passing. */
  failingSince: string | null;
  /** Whether this probe's alert is firing. */
  firing: boolean;
  /** While firing after the checks passed again (keep_firing_for): since when they pass. */
  passingSince: string | null;
  /** The last checks' outcomes, oldest first (at most `outcomeWindow`): flap detection. */
  outcomes: boolean[];
  flapping: boolean;
}

/** What the runner must do with the probe's alert after a check. */
export type AlertDecision = 'fire' | 'resolve' | null;

export interface StateStep {
  state: ProbeState;
  status: ProbeStatus;
  alert: AlertDecision;
  /** Flapping started or stopped with this check (for the probe's alert text and logs). */
  flapping: 'started' | 'stopped' | null;
}

/** Outcomes remembered; flapping starts at `flapStartChanges` changes among them, stops at `flapStopChanges`. */
export const outcomeWindow = 20;
export const flapStartChanges = 6;
export const flapStopChanges = 2;

export function initialProbeState(): ProbeState {
  return {
    failures: 0,
    successes: 0,
    failingSince: null,
    firing: false,
    passingSince: null,
    outcomes: [],
    flapping: false,
  };
}

/** Reads a stored state, tolerating rows written before a field existed. */
export function readProbeState(stored: Partial<ProbeState> | null | undefined): ProbeState {
  return { ...initialProbeState(), ...(stored ?? {}) };
}

function changesIn(outcomes: readonly boolean[]): number {
  let changes = 0;
  for (let i = 1; i < outcomes.length; i++) if (outcomes[i] !== outcomes[i - 1]) changes++;
  return changes;
}

const seconds = (from: string, to: Date): number => (to.getTime() - Date.parse(from)) / 1000;

/**
 * Moves the state on by one check that `passed` (or not) at `at`. Firing needs more than
 * `retries` failures in a row and `forSeconds` since the first; resolving needs the checks to
 * pass for `keepFiringForSeconds`. With `detectFlapping`, a probe whose outcome changed
 * `flapStartChanges` times in the last `outcomeWindow` checks is flapping: its alert fires once
 * and stays firing (no page per bounce) until the outcomes settle and the checks pass.
 */
export function advanceProbeState(
  previous: ProbeState,
  passed: boolean,
  at: Date,
  settings: StateSettings,
  detectFlapping = true,
): StateStep {
  const state: ProbeState = { ...previous, outcomes: [...previous.outcomes, passed].slice(-outcomeWindow) };
  if (passed) {
    state.successes += 1;
    state.failures = 0;
    state.failingSince = null;
  } else {
    state.failures += 1;
    state.successes = 0;
    state.failingSince ??= at.toISOString();
    state.passingSince = null;
  }
  let flapping: StateStep['flapping'] = null;
  if (detectFlapping) {
    const changes = changesIn(state.outcomes);
    if (!state.flapping && changes >= flapStartChanges) [state.flapping, flapping] = [true, 'started'];
    else if (state.flapping && changes <= flapStopChanges) [state.flapping, flapping] = [false, 'stopped'];
  }

  let alert: AlertDecision = null;
  const failing =
    !passed && state.failures > settings.retries && seconds(state.failingSince!, at) >= settings.forSeconds;
  if (!state.firing && (failing || state.flapping)) {
    state.firing = true;
    state.passingSince = null;
    alert = 'fire';
  } else if (state.firing && passed && !state.flapping) {
    state.passingSince ??= at.toISOString();
    if (seconds(state.passingSince, at) >= settings.keepFiringForSeconds) {
      state.firing = false;
      state.passingSince = null;
      alert = 'resolve';
    }
  }
  return { state, status: statusOf(state, passed), alert, flapping };
}

function statusOf(state: ProbeState, passed: boolean): ProbeStatus {
  if (state.flapping) return 'flapping';
  if (state.firing) return 'down';
  return passed ? 'up' : 'pending';
}
