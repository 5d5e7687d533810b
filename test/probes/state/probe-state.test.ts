import { describe, expect, it } from 'vitest';
import {
  advanceProbeState,
  initialProbeState,
  readProbeState,
  type ProbeState,
  type StateSettings,
  type StateStep,
} from '../../../src/probes/state/probe-state.js';

const start = Date.parse('2026-12-04T10:00:00Z');
/** Runs checks every `everySeconds` from `start`; returns each step. */
function run(
  outcomes: readonly boolean[],
  settings: Partial<StateSettings> = {},
  everySeconds = 30,
  from: ProbeState = initialProbeState(),
): StateStep[] {
  const steps: StateStep[] = [];
  let state = from;
  outcomes.forEach((passed, index) => {
    const step = advanceProbeState(state, passed, new Date(start + index * everySeconds * 1000), {
      retries: 0,
      forSeconds: 0,
      keepFiringForSeconds: 0,
      ...settings,
    });
    steps.push(step);
    state = step.state;
  });
  return steps;
}
const alerts = (steps: StateStep[]) => steps.map((step) => step.alert);
const statuses = (steps: StateStep[]) => steps.map((step) => step.status);

describe('the probe state machine', () => {
  it('fires on the first failure and resolves on the first pass without retries or durations', () => {
    const steps = run([true, false, false, true]);
    expect(alerts(steps)).toEqual([null, 'fire', null, 'resolve']);
    expect(statuses(steps)).toEqual(['up', 'down', 'down', 'up']);
  });

  it('tolerates as many failures in a row as there are retries, staying pending', () => {
    const steps = run([false, false, true, false, false, false], { retries: 2 });
    expect(alerts(steps)).toEqual([null, null, null, null, null, 'fire']);
    expect(statuses(steps)).toEqual(['pending', 'pending', 'up', 'pending', 'pending', 'down']);
  });

  it('waits for the for duration from the first failure, as a Prometheus rule does', () => {
    // Failing from 0 s; fires at the first check at or after 90 s.
    const steps = run([false, false, false, false, false], { forSeconds: 90 });
    expect(alerts(steps)).toEqual([null, null, null, 'fire', null]);
    expect(steps[2]!.state.failingSince).toBe('2026-12-04T10:00:00.000Z');
  });

  it('keeps firing for keep_firing_for after the checks pass, and starts over if they fail meanwhile', () => {
    const steps = run([false, true, true, false, true, true, true], { keepFiringForSeconds: 60 });
    expect(alerts(steps)).toEqual(['fire', null, null, null, null, null, 'resolve']);
    expect(statuses(steps).slice(0, 3)).toEqual(['down', 'down', 'down']);
  });

  it('notices a flapping probe, fires once and does not resolve on each bounce', () => {
    const bouncing = [true, false, true, false, true, false, true, false];
    const steps = run(bouncing, { retries: 1 });
    // With one retry the bounces never fail twice in a row: only flapping makes it fire.
    expect(steps.findIndex((step) => step.flapping === 'started')).toBe(6);
    expect(alerts(steps)).toEqual([null, null, null, null, null, null, 'fire', null]);
    expect(steps.at(-1)!.status).toBe('flapping');
  });

  it('resolves a flapping probe only once its outcomes settle and it passes', () => {
    const bouncing = [true, false, true, false, true, false, true, false];
    const settled = Array.from({ length: 20 }, () => true);
    const steps = run([...bouncing, ...settled], { retries: 1 });
    const stopped = steps.findIndex((step) => step.flapping === 'stopped');
    expect(stopped).toBeGreaterThan(bouncing.length);
    expect(steps.filter((step) => step.alert === 'resolve')).toHaveLength(1);
    expect(steps[stopped]!.alert).toBe('resolve');
    expect(steps.slice(bouncing.length, stopped).every((step) => step.status === 'flapping')).toBe(true);
  });

  it('keeps only the last twenty outcomes', () => {
    const steps = run(Array.from({ length: 30 }, () => true));
    expect(steps.at(-1)!.state.outcomes).toHaveLength(20);
  });

  it('can leave flap detection off, as for the series of a Prometheus query', () => {
    let state = initialProbeState();
    const decisions: (string | null)[] = [];
    [true, false, true, false, true, false, true, false].forEach((passed, index) => {
      const step = advanceProbeState(
        state,
        passed,
        new Date(start + index * 30_000),
        { retries: 0, forSeconds: 0, keepFiringForSeconds: 0 },
        false,
      );
      decisions.push(step.alert);
      state = step.state;
    });
    expect(decisions).toEqual([null, 'fire', 'resolve', 'fire', 'resolve', 'fire', 'resolve', 'fire']);
  });

  it('reads a stored state that lacks newer fields', () => {
    expect(readProbeState({ failures: 2 })).toEqual({ ...initialProbeState(), failures: 2 });
    expect(readProbeState(null)).toEqual(initialProbeState());
  });
});
