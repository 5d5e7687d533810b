/**
 * Durations as runbooks write them, French or English: `< 1h`, `30 minutes`, `2 jours`, `1h30`,
 * `5m`, `15-30 min`, `30+ min`.
 */

const unitMinutes: [RegExp, number][] = [
  [/^(s|secs?|secondes?|seconds?)$/, 1 / 60],
  [/^(m|mn|mins?|minutes?)$/, 1],
  [/^(h|hrs?|heures?|hours?)$/, 60],
  [/^(d|j|jours?|days?)$/, 1440],
  [/^(w|sem|semaines?|weeks?)$/, 10080],
];

const unitWord =
  'secondes?|seconds?|secs?|s|minutes?|mins?|mn|m|heures?|hours?|hrs?|h|jours?|days?|j|d|semaines?|weeks?|sem|w';
const number = '(\\d+(?:[.,]\\d+)?)';
/** A number and a time unit not followed by another letter (so `5ms` and `5xx` are not durations). */
const durationPattern = new RegExp(`${number}\\s*(${unitWord})(?:\\s*(\\d{1,2})(?![\\d\\p{L}]))?(?![\\p{L}])`, 'iu');

/** Minutes per unit word, or null when the word is not a time unit. */
export function minutesPerUnit(unit: string): number | null {
  const word = unit.toLowerCase();
  return unitMinutes.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}

/** Reads `2,5` as well as `2.5`. */
export function readNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

/** The first duration in a text, in minutes (`< 4h` → 240, `1h30` → 90), or null. */
export function parseMinutes(text: string): number | null {
  const match = durationPattern.exec(text);
  if (match === null) return null;
  const perUnit = minutesPerUnit(match[2]!);
  if (perUnit === null) return null;
  // `1h30`: the trailing number counts minutes only after hours.
  const extra = match[3] !== undefined && perUnit === 60 ? readNumber(match[3]) : 0;
  return round(readNumber(match[1]!) * perUnit + extra);
}

/** Whether a text holds a duration at all. */
export function hasDuration(text: string): boolean {
  return durationPattern.test(text);
}

/**
 * When a window opens, in minutes: `0-15 min` → 0, `15-30 min` → 15, `30+ min` → 30,
 * `après 1h` / `after 1h` / `> 1h` → 60, `immédiat` → 0. A bare duration (`15 min`) is returned
 * as `plain`, for the caller to read as an offset or a response delay.
 */
export function parseWindow(text: string): { startMinutes: number; form: 'range' | 'open' | 'after' | 'plain' } | null {
  if (/\b(imm[ée]diat\w*|immediate\w*|tout de suite|right away|at once)\b/i.test(text))
    return { startMinutes: 0, form: 'after' };
  const range = new RegExp(
    `${number}\\s*(${unitWord})?\\s*(?:-|–|—|à|to)\\s*${number}\\s*(${unitWord})(?![\\p{L}])`,
    'iu',
  ).exec(text);
  if (range !== null) {
    const perUnit = minutesPerUnit(range[2] ?? range[4]!) ?? 1;
    return { startMinutes: round(readNumber(range[1]!) * perUnit), form: 'range' };
  }
  const open = new RegExp(`${number}\\s*(${unitWord})?\\s*\\+\\s*(${unitWord})?(?![\\p{L}])`, 'iu').exec(text);
  if (open !== null && (open[2] ?? open[3]) !== undefined) {
    return { startMinutes: round(readNumber(open[1]!) * (minutesPerUnit((open[2] ?? open[3])!) ?? 1)), form: 'open' };
  }
  const minutes = parseMinutes(text);
  if (minutes === null) return null;
  const after = /(?:^|\s|\()(?:>|>=|≥|apr[eè]s|after|au[- ]del[aà] de|beyond|over|T\s*\+)\s*\d/i.test(text);
  return { startMinutes: minutes, form: after ? 'after' : 'plain' };
}

function round(minutes: number): number {
  return Math.round(minutes * 100) / 100;
}
