import { compileSchedule } from './compile-schedule.js';
import { buildTimeline } from './compute-shifts.js';
import type { OnCallNow, Schedule } from './schedule-model.js';
import { dayMs } from './zone-clock.js';

/**
 * How far ahead `until` is looked for. The piece running at `at` is merged with what follows
 * for the same person and source, so it may outlast a short window (a one-person layer never
 * changes hands): the window grows until the piece ends inside it, then gives up with null.
 */
const lookAheadDays = [8, 40, 400] as const;

/**
 * Who is on call at an instant, from which source, and until when. The start of a piece is
 * inclusive and its end exclusive: at a handoff instant the incoming person is on call.
 * `until` is when the person or the source changes (an override starting, a layer taking over,
 * the shift handed to someone else), or null when nothing changes within ~400 days.
 * Null when nobody is on call. The schedule must have passed `checkSchedule`.
 */
export function whoIsOnCall(schedule: Schedule, at: Date): OnCallNow | null {
  const compiled = compileSchedule(schedule);
  const start = at.getTime();
  if (!Number.isFinite(start)) return null;
  let current: OnCallNow | null = null;
  for (const days of lookAheadDays) {
    const end = start + days * dayMs;
    const first = buildTimeline(compiled, start, end, { splitAtHandoffs: false })[0];
    if (first === undefined || first.userId === null) return null;
    current = {
      userId: first.userId,
      until: first.end < end ? new Date(first.end) : null,
      layerId: first.layerId,
      overrideId: first.overrideId,
    };
    if (current.until !== null) return current;
  }
  return current;
}
