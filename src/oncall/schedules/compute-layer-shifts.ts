import { compileSchedule, type CompiledLayer, type CompiledRestriction } from './compile-schedule.js';
import type { LayerRendering, Schedule } from './schedule-model.js';
import { dayMs, isoWeekdayOf, type ZoneClock } from './zone-clock.js';

/** A stretch of one layer's rotation shift `shiftIndex` during which `userId` is on call (epoch ms). */
export interface LayerPiece {
  userId: string;
  start: number;
  end: number;
  shiftIndex: number;
}

interface Interval {
  start: number;
  end: number;
}

/**
 * One layer's own on-call pieces within [from, to): its rotation shifts, cut to the layer's end
 * and to its restriction windows. One piece per shift (or per window within a shift), in order.
 */
export function layerPieces(clock: ZoneClock, layer: CompiledLayer, from: number, to: number): LayerPiece[] {
  const end = Math.min(to, layer.endsAt);
  const shifts: LayerPiece[] = [];
  let n = Math.max(0, layer.shiftIndexAt(from));
  let start = layer.handoffAt(n);
  while (start < end) {
    const next = layer.handoffAt(n + 1);
    const piece = { start: Math.max(start, from), end: Math.min(next, end) };
    if (piece.end > piece.start)
      shifts.push({ userId: layer.participants[n % layer.participants.length]!, ...piece, shiftIndex: n });
    n += 1;
    start = next;
  }
  if (layer.restrictions === null || shifts.length === 0) return shifts;
  return intersectWindows(shifts, restrictionWindows(clock, layer.restrictions, from, end));
}

/**
 * The union of a layer's restriction windows over [from, to), sorted and merged. A window belongs
 * to the local day it starts on, so the day before `from` is included for windows past midnight.
 */
function restrictionWindows(
  clock: ZoneClock,
  restrictions: readonly CompiledRestriction[],
  from: number,
  to: number,
): Interval[] {
  const windows: Interval[] = [];
  const lastDay = Math.floor(clock.toLocal(to) / dayMs);
  for (let day = Math.floor(clock.toLocal(from) / dayMs) - 1; day <= lastDay; day += 1) {
    const weekday = isoWeekdayOf(day);
    for (const r of restrictions) {
      if (r.weekdays !== null && !r.weekdays.has(weekday)) continue;
      const start = Math.max(from, clock.toInstant(day * dayMs + r.fromMinutes * 60_000));
      const end = Math.min(to, clock.toInstant((day + r.endDayOffset) * dayMs + r.toMinutes * 60_000));
      if (end > start) windows.push({ start, end });
    }
  }
  windows.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last !== undefined && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

/** Both lists sorted and disjoint: a two-pointer walk keeps each shift's parts inside a window. */
function intersectWindows(shifts: LayerPiece[], windows: Interval[]): LayerPiece[] {
  const pieces: LayerPiece[] = [];
  let w = 0;
  for (const shift of shifts) {
    while (w < windows.length && windows[w]!.end <= shift.start) w += 1;
    for (let i = w; i < windows.length && windows[i]!.start < shift.end; i += 1) {
      const start = Math.max(shift.start, windows[i]!.start);
      const end = Math.min(shift.end, windows[i]!.end);
      if (end > start) pieces.push({ ...shift, start, end });
    }
  }
  return pieces;
}

/**
 * Each layer's own shifts between two instants, for drawing one row per layer: the rotation with
 * its restrictions, before layering and overrides (`computeShifts` gives the combined result).
 * Shifts are cut at `from` and `to`; a shift is never merged with the next, even for the same user.
 * An empty window (`to` not after `from`) gives layers without shifts.
 */
export function computeLayerShifts(schedule: Schedule, from: Date, to: Date): LayerRendering[] {
  const { clock, layers } = compileSchedule(schedule);
  const start = from.getTime();
  const end = to.getTime();
  return layers.map((layer) => ({
    layerId: layer.id,
    name: layer.name,
    shifts:
      end > start
        ? layerPieces(clock, layer, start, end).map((p) => ({
            userId: p.userId,
            start: new Date(p.start),
            end: new Date(p.end),
          }))
        : [],
  }));
}
