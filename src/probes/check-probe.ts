import type { Labels } from '../alerts/alert-model.js';
import { evaluateCondition, parseCondition, type ParsedCondition } from './conditions/index.js';
import { probeKindOf, type ProbeTarget } from './probe-kinds.js';
import type { CheckOptions, ObservedValues } from './probe-model.js';

/** One condition's verdict, for the result shown to operators. */
export interface ConditionVerdict {
  condition: string;
  passed: boolean;
  detail: string;
}

/** A series of a Prometheus probe: it fails (is active) when a condition fails, or always without conditions. */
export interface SeriesVerdict {
  labels: Labels;
  passed: boolean;
  detail: string;
}

/** What one check of a probe concluded. */
export interface ProbeVerdict {
  passed: boolean;
  latencyMs: number;
  /** What failed (the failed conditions, or the error), null when it passed. */
  detail: string | null;
  conditions: ConditionVerdict[];
  values: ObservedValues;
  /** Prometheus probes only: each series returned. */
  series?: SeriesVerdict[];
}

/** What the checks of one kind need besides the target. */
export interface ProbeCheckSettings {
  target: ProbeTarget;
  conditions: readonly string[];
  /** The Prometheus asked when the target names none. */
  prometheusUrl: string | null;
}

function judge(conditions: readonly ParsedCondition[], values: ObservedValues): ConditionVerdict[] {
  return conditions.map((condition) => ({ condition: condition.text, ...evaluateCondition(condition, values) }));
}

const failures = (verdicts: readonly ConditionVerdict[]): string | null => {
  const failed = verdicts.filter((verdict) => !verdict.passed);
  return failed.length === 0 ? null : failed.map((verdict) => verdict.detail).join('; ');
};

/**
 * Runs a probe's check once and judges it: a target that could not be reached (or answered with
 * an error) fails whatever the conditions say; otherwise every condition must hold. A check
 * returning series (a Prometheus probe) passes when its query ran, and judges each series on its own.
 */
export async function checkProbe(settings: ProbeCheckSettings, options: CheckOptions): Promise<ProbeVerdict> {
  const conditions = settings.conditions.map((text) => parseCondition(text));
  const { target, prometheusUrl } = settings;
  const observation = await probeKindOf(target.kind).check(target, options, { prometheusUrl });
  // A check may say more precisely than `reached` whether it is connected (authenticated, say).
  const values: ObservedValues = {
    CONNECTED: observation.reached,
    RESPONSE_TIME: observation.latencyMs,
    ...observation.values,
  };
  const base = { latencyMs: observation.latencyMs, values };
  if (!observation.reached || observation.error !== null) {
    return { ...base, passed: false, detail: observation.error ?? 'unreachable', conditions: [] };
  }
  if (observation.series !== undefined) {
    const source = observation.seriesSource ?? 'the query';
    const series = observation.series.map((one): SeriesVerdict => {
      const verdicts = judge(conditions, { ...values, VALUE: one.value, LABELS: one.labels });
      const failed = failures(verdicts);
      if (conditions.length === 0)
        return { labels: one.labels, passed: false, detail: `${source} returned ${one.value}` };
      return { labels: one.labels, passed: failed === null, detail: failed ?? 'all conditions hold' };
    });
    return { ...base, passed: true, detail: null, conditions: [], series };
  }
  const verdicts = judge(conditions, values);
  const failed = failures(verdicts);
  return { ...base, passed: failed === null, detail: failed, conditions: verdicts };
}
