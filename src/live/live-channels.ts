/**
 * The notification channels the database triggers send on (migration 017), and how to read
 * their payloads. One place, so the SQL's names and the listeners' cannot drift apart unseen.
 */
export const liveChannels = {
  /** Timeline events added: the incidents' ids, comma-separated. */
  incidents: 'astreinte_incident',
  /** Step output stored or an execution changed: the executions' ids, comma-separated. */
  steps: 'astreinte_step',
  /** Timers scheduled: the earliest due time, in epoch milliseconds. */
  timers: 'astreinte_timer',
} as const;

/** The ids a notification names, or `'all'` when it says '*' or notifications may have been lost. */
export function idsOf(payload: string | null): string[] | 'all' {
  if (payload === null || payload === '*') return 'all';
  return payload.split(',').filter((id) => id !== '');
}

/** The due time a timer notification names, or now when it cannot say (lost notifications). */
export function dueAtOf(payload: string | null, now: number): number {
  const at = payload === null ? Number.NaN : Number(payload);
  return Number.isFinite(at) ? at : now;
}
