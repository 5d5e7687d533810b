/**
 * What every probe check yields and is given, whatever its kind. The kinds themselves (their
 * targets, checks, placeholders) are the table `probeKinds` in `probe-kinds.ts`.
 */

/**
 * The values a check observed, by placeholder name without brackets (`STATUS`, `RESPONSE_TIME`,
 * `BODY`, `INFO`…). Numbers are plain numbers; durations are milliseconds (`RESPONSE_TIME`,
 * `CERTIFICATE_EXPIRATION`); structured values (`INFO`, `RESULT`, a JSON body) are reached by
 * paths in conditions (`[INFO].used_memory`, `[BODY].database`, `$.database`).
 */
export type ObservedValues = Record<string, unknown>;

/** What one check saw. */
export interface Observation {
  /** Whether the target answered at all (connected, got a response); conditions decide the rest. */
  reached: boolean;
  /** Wall time of the check, in milliseconds. */
  latencyMs: number;
  values: ObservedValues;
  /** Why the target could not be reached (`ECONNREFUSED 127.0.0.1:5432`, `timeout after 5000 ms`), else null. */
  error: string | null;
  /**
   * A check returning several series (a Prometheus query): each is judged, and alerts, on its
   * own (`checkProbe`), `seriesSource` (the query) naming what returned them.
   */
  series?: PrometheusSeries[];
  seriesSource?: string;
}

/** One series of a Prometheus query result: its labels and value. */
export interface PrometheusSeries {
  labels: Record<string, string>;
  value: number;
}

/** A Prometheus check: the series returned (each one checked as an alert of its own), or why the query failed. */
export interface PrometheusObservation extends Observation {
  series: PrometheusSeries[];
}

/** What every check is given: its time budget and a signal aborted when the runner stops. */
export interface CheckOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}
