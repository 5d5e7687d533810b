/**
 * What the probes pages read and send: the server's own types, imported as types only (erased
 * from the bundle), so the pages cannot drift from the schemas the API validates with.
 */
export type { Probe } from '../../../src/probes/probe-view.js';
export type { ProbeResult, UptimeWindow } from '../../../src/probes/probe-history.js';
export type { ProbeVerdict } from '../../../src/probes/check-probe.js';
export type { CreateProbeInput } from '../../../src/probes/probe-input.js';
export type { ProbeKindInfo } from '../../../src/probes/list-probe-kinds.js';
export type { ProbeSuggestion, ProbeSuggestions } from '../../../src/probes/drafts/probe-suggestion.js';
