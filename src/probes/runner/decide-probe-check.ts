import type { IncomingAlert } from '../../alerts/alert-model.js';
import { labelsFingerprint } from '../../alerts/ingest/alert-fingerprint.js';
import type { ProbeVerdict } from '../check-probe.js';
import { nextRunAt } from '../schedule/first-run-at.js';
import { advanceProbeState, readProbeState, type ProbeStatus, type StateSettings } from '../state/probe-state.js';
import type { LastProbeResult } from '../probe-row.js';
import type { ClaimedProbe, SeriesState, StoredProbeState } from './claimed-probe.js';
import { probeAlert, probeAlertLabels } from './probe-alerts.js';

/** What the runner writes after one check. */
export interface CheckDecision {
  probe: ClaimedProbe;
  startedAt: Date;
  verdict: ProbeVerdict;
  state: StoredProbeState;
  status: ProbeStatus;
  nextRunAt: Date;
  lastResult: LastProbeResult;
  alerts: IncomingAlert[];
  flapping: 'started' | 'stopped' | null;
}

/**
 * Turns a check's verdict into the probe's next state, its next slot and the alerts to send:
 * the probe's own alert (fires per the state machine) and, for a Prometheus probe, one alert per
 * failing series, each with its own `for`/`keep_firing_for` clock (no flap detection, as in Prometheus).
 */
export function decideProbeCheck(
  probe: ClaimedProbe,
  verdict: ProbeVerdict,
  startedAt: Date,
  now: Date,
): CheckDecision {
  const settings: StateSettings = {
    retries: probe.retries,
    forSeconds: probe.forSeconds,
    keepFiringForSeconds: probe.keepFiringForSeconds,
  };
  const own = advanceProbeState(readProbeState(probe.state), verdict.passed, startedAt, settings);
  const alerts: IncomingAlert[] = [];
  const detail = verdict.detail ?? 'all conditions hold';
  const ownLabels = probeAlertLabels(probe);
  if (own.alert !== null) {
    const why = own.state.flapping ? `flapping (${detail})` : detail;
    alerts.push(
      probeAlert(
        ownLabels,
        own.alert === 'fire' ? 'trigger' : 'resolve',
        startedAt,
        why,
        own.state.failingSince === null ? null : new Date(own.state.failingSince),
      ),
    );
  }
  let status = own.status;
  const state: StoredProbeState = { ...own.state };
  if (verdict.series !== undefined) {
    // The query ran: each series moves on; a series no longer returned passes.
    const series: Record<string, SeriesState> = {};
    const seen = new Map(verdict.series.map((one) => [labelsFingerprint(one.labels), one]));
    const keys = new Set([...Object.keys(probe.state.series ?? {}), ...seen.keys()]);
    for (const key of keys) {
      const returned = seen.get(key);
      const previous = probe.state.series?.[key];
      const labels = returned?.labels ?? previous!.labels;
      const passed = returned?.passed ?? true;
      const step = advanceProbeState(
        readProbeState(previous?.state),
        passed,
        startedAt,
        { ...settings, retries: 0 },
        false,
      );
      if (step.alert !== null) {
        const since = step.state.failingSince === null ? null : new Date(step.state.failingSince);
        alerts.push(
          probeAlert(
            probeAlertLabels(probe, labels),
            step.alert === 'fire' ? 'trigger' : 'resolve',
            startedAt,
            returned?.detail ?? 'no longer returned',
            since,
          ),
        );
      }
      // A series that passes and does not fire is forgotten: the map holds what is failing or firing.
      if (step.state.firing || step.state.failures > 0) series[key] = { labels, state: step.state };
    }
    state.series = series;
    const firing = Object.values(series).filter((one) => one.state.firing).length;
    if (status === 'up' && Object.keys(series).length > 0) status = firing > 0 ? 'down' : 'pending';
  } else if (probe.state.series !== undefined) {
    state.series = probe.state.series;
  }
  const failingWithRetriesLeft = !verdict.passed && own.state.failures <= probe.retries;
  const every = failingWithRetriesLeft ? probe.retryIntervalSeconds : probe.intervalSeconds;
  return {
    probe,
    startedAt,
    verdict,
    state,
    status,
    alerts,
    flapping: own.flapping,
    nextRunAt: nextRunAt(probe.scheduledAt, every, now),
    lastResult: {
      success: verdict.passed && status !== 'down' && status !== 'pending',
      latencyMs: Math.round(verdict.latencyMs),
      detail: verdict.detail ?? seriesDetail(verdict),
    },
  };
}

/** For a Prometheus probe whose query ran: what its failing series said (shown as the probe's last detail). */
function seriesDetail(verdict: ProbeVerdict): string | null {
  const failing = (verdict.series ?? []).filter((one) => !one.passed);
  if (failing.length === 0) return null;
  const shown = failing.slice(0, 3).map((one) => `${JSON.stringify(one.labels)}: ${one.detail}`);
  return failing.length > 3 ? `${shown.join('; ')}; and ${failing.length - 3} more series` : shown.join('; ');
}
