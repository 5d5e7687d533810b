import type { TimelineEvent } from '../incidents/incident-model.js';
import type { IncidentDurations, Measured } from './postmortem-model.js';

/** What measuring needs to know of the incident besides its timeline. */
export interface DurationInputs {
  detectedAt: string;
  /** The earliest `startsAt` of the incident's alerts, or null when no alert fed it. */
  firstAlertStartsAt: string | null;
  /** The severity's resolution target, null when it sets none. */
  resolutionTargetMinutes: number | null;
  services: readonly { id: string; name: string; rtoMinutes: number | null }[];
  /** The whole timeline, in seq order. */
  events: readonly TimelineEvent[];
}

const span = (from: number, to: number | null): Measured =>
  to === null
    ? null
    : {
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        seconds: Math.max(0, Math.round((to - from) / 1000)),
      };

const at = (event: TimelineEvent | undefined): number | null =>
  event === undefined ? null : Date.parse(event.occurredAt);

/**
 * Measures an incident from its start — its first alert's start, or its detection when earlier or
 * when no alert fed it — to its declaration (time to detect), its first acknowledgement, its first
 * mitigation and its final resolution, read from the timeline rather than the row: a reopened
 * incident's row forgets its first acknowledgement, the timeline does not. A resolution followed by
 * a reopening with no new resolution is no resolution. Restoring (what RTO is about) ends at the
 * mitigation, else at the resolution. Targets are met when the measure is within them, unknown
 * (null) while the incident is not there yet.
 */
export function measureIncidentDurations(inputs: DurationInputs): IncidentDurations {
  const detected = Date.parse(inputs.detectedAt);
  const firstAlert = inputs.firstAlertStartsAt === null ? null : Date.parse(inputs.firstAlertStartsAt);
  const start = firstAlert === null ? detected : Math.min(firstAlert, detected);
  const { events } = inputs;
  const declared = at(events.find((event) => event.type === 'incident_declared')) ?? detected;
  const acknowledged = at(events.find((event) => event.type === 'incident_acknowledged'));
  const mitigated = at(events.find((event) => event.type === 'incident_mitigated'));
  const lastLifecycle = events
    .filter((event) => event.type === 'incident_resolved' || event.type === 'incident_reopened')
    .at(-1);
  const resolved = lastLifecycle?.type === 'incident_resolved' ? at(lastLifecycle) : null;
  const restored = mitigated ?? resolved;
  const resolve = span(start, resolved);
  const restore = span(start, restored);
  const within = (measured: Measured, minutes: number): boolean | null =>
    measured === null ? null : measured.seconds <= minutes * 60;
  return {
    startedAt: new Date(start).toISOString(),
    firstAlertAt: firstAlert === null ? null : new Date(firstAlert).toISOString(),
    detect: span(start, Math.max(declared, start)),
    acknowledge: span(start, acknowledged),
    mitigate: span(start, mitigated),
    resolve,
    restore,
    resolutionTarget:
      inputs.resolutionTargetMinutes === null
        ? null
        : { minutes: inputs.resolutionTargetMinutes, met: within(resolve, inputs.resolutionTargetMinutes) },
    rto: inputs.services
      .filter((service): service is { id: string; name: string; rtoMinutes: number } => service.rtoMinutes !== null)
      .map((service) => ({
        serviceId: service.id,
        name: service.name,
        minutes: service.rtoMinutes,
        met: within(restore, service.rtoMinutes),
      })),
  };
}
