import type { ProbeSettings } from './probe-input.js';
import type { ProbeKind, ProbeTarget } from './probe-kinds.js';
import type { ProbeStatus } from './state/probe-state.js';

/*
 * A probe as the API shows it, apart from its row mapping (probe-row.ts), which reaches the
 * secrets' cipher: the console imports these types and needs none of that.
 */

/** The last check, as stored on the probe and shown. */
export interface LastProbeResult {
  success: boolean;
  latencyMs: number;
  detail: string | null;
}

/** A probe as the API shows it: credentials redacted. */
export interface Probe extends ProbeSettings {
  id: string;
  kind: ProbeKind;
  target: ProbeTarget;
  status: ProbeStatus;
  lastCheckedAt: string | null;
  lastResult: LastProbeResult | null;
  nextRunAt: string;
  createdAt: string;
  updatedAt: string;
}
