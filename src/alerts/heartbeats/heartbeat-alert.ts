import type { IncomingAlert } from '../alert-model.js';

/** Every episode of silence of one heartbeat is one alert, under this key. */
export const heartbeatFingerprint = 'heartbeat';

/** The alert a silent heartbeat raises (or, with `resolve`, ends when it calls again). */
export function heartbeatAlert(
  name: string,
  lastPingAt: Date | null,
  action: 'trigger' | 'resolve',
  now: Date,
): IncomingAlert {
  const since = lastPingAt === null ? 'it was created' : lastPingAt.toISOString();
  return {
    fingerprint: heartbeatFingerprint,
    action,
    labels: { alertname: 'HeartbeatMissed', heartbeat: name },
    annotations: { summary: `No heartbeat from ${name} since ${since}` },
    title: `No heartbeat from ${name} since ${since}`,
    severity: null,
    startsAt: now,
    endsAt: action === 'resolve' ? now : null,
    sourceUrl: null,
  };
}
