import { createHash } from 'node:crypto';
import ical, { ICalEventTransparency } from 'ical-generator';
import { compileSchedule } from './compile-schedule.js';
import { buildTimeline, type TimelinePiece } from './compute-shifts.js';
import type { Schedule } from './schedule-model.js';

/** What a calendar shows of a user; users missing from the map appear by id. */
export interface CalendarUser {
  name: string;
  email?: string;
}

export interface ICalendarOptions {
  /** The calendar's name, usually the schedule's. */
  name: string;
  users: ReadonlyMap<string, CalendarUser>;
  /** Shifts overlapping [from, to) are exported, whole: a shift running at `from` keeps its start. */
  from: Date;
  to: Date;
  /** Part of every UID, so that two schedules with a layer `primary` never share an event. */
  scheduleId?: string;
  /** DTSTAMP of every event; pass the schedule's last change. Default `from`, so output is stable. */
  stamp?: Date;
}

const refreshSeconds = 3600; // how often subscribed clients should fetch the feed again

/**
 * The events: one per stretch of a rotation shift or an override that survives layering, never
 * merged across handoffs, so an event keeps its identity whatever window it is exported with.
 * The timeline is computed a shift's length beyond each end of the window, so the pieces
 * overlapping it are whole rather than cut at `from` or `to`.
 */
function calendarPieces(schedule: Schedule, from: number, to: number): TimelinePiece[] {
  if (!(to > from)) return []; // else the shift running at `from` would overlap an empty window
  const compiled = compileSchedule(schedule);
  const pad = Math.max(
    0,
    ...compiled.layers.map((l) => l.maxShiftMs),
    ...compiled.overrides.map((o) => o.end - o.start),
  );
  return buildTimeline(compiled, from - pad, to + pad, { splitAtHandoffs: true }).filter(
    (p) => p.userId !== null && p.end > from && p.start < to,
  );
}

/**
 * A UID depends on what a shift is (schedule, source, person, start), not on when it was
 * exported: calendar clients then update a shift whose end moved instead of adding a copy.
 */
function uidOf(piece: TimelinePiece, scheduleId: string): string {
  const source = piece.overrideId === null ? `layer:${piece.layerId ?? ''}` : `override:${piece.overrideId}`;
  const key = [scheduleId, source, piece.userId ?? '', new Date(piece.start).toISOString()].join('\n');
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@astreinte`;
}

function describeUser(options: ICalendarOptions, userId: string): { name: string; line: string } {
  const user = options.users.get(userId);
  const name = user?.name ?? userId;
  return { name, line: user?.email === undefined ? name : `${name} <${user.email}>` };
}

/** Where the shift comes from, in words: the layer's name, or the override and its reason. */
function describeSource(
  schedule: Schedule,
  piece: TimelinePiece,
  options: ICalendarOptions,
): { label: string; lines: string[] } {
  if (piece.overrideId === null) {
    const layer = schedule.layers.find((l) => l.id === piece.layerId);
    return { label: layer?.name ?? 'layer', lines: [`Layer: ${layer?.name ?? piece.layerId ?? ''}`] };
  }
  const override = schedule.overrides.find((o) => o.id === piece.overrideId);
  const lines = ['Override'];
  if (override?.swap !== undefined)
    lines.push(`Swap: takes the shift of ${describeUser(options, override.swap.requestedBy).name}`);
  if (override?.reason !== undefined) lines.push(`Reason: ${override.reason}`);
  return { label: override?.swap === undefined ? 'override' : 'swap', lines };
}

function renderCalendar(schedule: Schedule, options: ICalendarOptions, only: string | null): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Astreinte', product: 'on-call', language: 'EN' },
    ttl: refreshSeconds,
  });
  const stamp = options.stamp ?? options.from;
  for (const piece of calendarPieces(schedule, options.from.getTime(), options.to.getTime())) {
    if (piece.userId === null || (only !== null && piece.userId !== only)) continue;
    const user = describeUser(options, piece.userId);
    const source = describeSource(schedule, piece, options);
    calendar.createEvent({
      id: uidOf(piece, options.scheduleId ?? ''),
      start: new Date(piece.start),
      end: new Date(piece.end),
      stamp,
      summary: only === null ? `On call: ${user.name} (${source.label})` : `On call: ${options.name} (${source.label})`,
      description: [`On call: ${user.line}`, `Schedule: ${options.name}`, ...source.lines].join('\n'),
      // Being on call is not being busy: free/busy lookups should not see it.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

/**
 * The schedule's final timeline as iCalendar text: one event per person per shift (UTC times),
 * named after who is on call and the layer or override it comes from. UIDs are stable per shift.
 * The schedule must have passed `checkSchedule`.
 */
export function scheduleToICalendar(schedule: Schedule, options: ICalendarOptions): string {
  return renderCalendar(schedule, options, null);
}

/**
 * One user's shifts as iCalendar text, named after the schedule (`options.name`), for that
 * user's own calendar; the same events and UIDs as in `scheduleToICalendar`.
 */
export function userShiftsToICalendar(schedule: Schedule, userId: string, options: ICalendarOptions): string {
  return renderCalendar(schedule, options, userId);
}
