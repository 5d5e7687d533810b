import { compileSchedule, type CompiledSchedule } from './compile-schedule.js';
import { layerPieces } from './compute-layer-shifts.js';
import type { Schedule, Shift } from './schedule-model.js';

/** A timeline piece in epoch ms; `shiftIndex` is the layer rotation shift it comes from. */
export interface TimelinePiece {
  userId: string | null;
  start: number;
  end: number;
  layerId: string | null;
  overrideId: string | null;
  shiftIndex: number | null;
}

export interface TimelineOptions {
  /** Keep the pieces of consecutive rotation shifts apart even for the same user (calendar events). */
  splitAtHandoffs: boolean;
}

/**
 * The combined timeline over [from, to), contiguous and in order. Each stretch goes to the last
 * override covering it, else to the last layer with someone on call, else to nobody. The work
 * grows with the number of shifts and overrides in the window, not with its length.
 */
export function buildTimeline(
  compiled: CompiledSchedule,
  from: number,
  to: number,
  options: TimelineOptions,
): TimelinePiece[] {
  if (!(to > from)) return [];
  const layers = compiled.layers.map((layer) =>
    layerPieces(compiled.clock, layer, from, to).map((p) => ({
      userId: p.userId,
      start: p.start,
      end: p.end,
      layerId: layer.id,
      overrideId: null,
      shiftIndex: p.shiftIndex,
    })),
  );
  // Overrides overlap one another, so they are first stacked among themselves (later on top)
  // into one list without overlaps, which then goes on top of every layer.
  const overrides = compiled.overrides
    .filter((o) => o.end > from && o.start < to)
    .map((o) => [
      {
        userId: o.userId,
        start: Math.max(o.start, from),
        end: Math.min(o.end, to),
        layerId: null,
        overrideId: o.id,
        shiftIndex: null,
      },
    ]);
  const covered = stackSources(overrides, from, to, options).filter((p) => p.userId !== null);
  return stackSources([...layers, covered], from, to, options);
}

/**
 * Lays sources on top of one another, the last on top; each source is a sorted list of pieces
 * that do not overlap. The window is cut wherever a piece starts or ends; each stretch goes to
 * the topmost source covering it, or to nobody, and neighbours that continue each other merge.
 */
function stackSources(
  sources: ReadonlyArray<readonly TimelinePiece[]>,
  from: number,
  to: number,
  options: TimelineOptions,
): TimelinePiece[] {
  let count = 2;
  for (const source of sources) count += 2 * source.length;
  const points = new Float64Array(count); // a typed array sorts numerically, and fast
  points[0] = from;
  points[1] = to;
  let at = 2;
  for (const source of sources) {
    for (const p of source) {
      points[at++] = p.start;
      points[at++] = p.end;
    }
  }
  points.sort();
  const cursors = sources.map(() => 0);
  const timeline: TimelinePiece[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end === start) continue;
    const piece = topPieceAt(sources, cursors, start, end);
    const last = timeline[timeline.length - 1];
    if (last !== undefined && continues(last, piece, options)) last.end = end;
    else timeline.push(piece);
  }
  return timeline;
}

/**
 * The topmost source's piece covering [start, end), cut to it. Stretches are visited in order,
 * so each source's cursor only moves forward; a source not visited now catches up later.
 */
function topPieceAt(
  sources: ReadonlyArray<readonly TimelinePiece[]>,
  cursors: number[],
  start: number,
  end: number,
): TimelinePiece {
  for (let s = sources.length - 1; s >= 0; s -= 1) {
    const pieces = sources[s]!;
    let next = cursors[s]!;
    while (next < pieces.length && pieces[next]!.end <= start) next += 1;
    cursors[s] = next;
    const p = pieces[next];
    if (p !== undefined && p.start <= start) return { ...p, start, end };
  }
  return { userId: null, start, end, layerId: null, overrideId: null, shiftIndex: null };
}

function continues(last: TimelinePiece, piece: TimelinePiece, options: TimelineOptions): boolean {
  return (
    last.end === piece.start &&
    last.userId === piece.userId &&
    last.layerId === piece.layerId &&
    last.overrideId === piece.overrideId &&
    (!options.splitAtHandoffs || last.shiftIndex === piece.shiftIndex)
  );
}

/** Drops the internal fields and gives `Date`s. */
export function toShift(piece: TimelinePiece): Shift {
  return {
    userId: piece.userId,
    start: new Date(piece.start),
    end: new Date(piece.end),
    layerId: piece.layerId,
    overrideId: piece.overrideId,
  };
}

/**
 * The final on-call timeline between two instants: contiguous pieces covering [from, to) after
 * layering (a later layer wins where it has someone), restrictions and overrides (which win over
 * every layer; of two overlapping overrides, the later one in `schedule.overrides` wins).
 * Neighbouring pieces with the same user and source are merged, across handoffs too; gaps have
 * `userId` null. Pieces are cut at `from` and `to`; an empty window gives `[]`.
 * The schedule must have passed `checkSchedule`.
 */
export function computeShifts(schedule: Schedule, from: Date, to: Date): Shift[] {
  return buildTimeline(compileSchedule(schedule), from.getTime(), to.getTime(), { splitAtHandoffs: false }).map(
    toShift,
  );
}
