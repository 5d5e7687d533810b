/**
 * Units a number may carry in a condition, so thresholds read as people write them:
 * `[CERTIFICATE_EXPIRATION] > 48h`, `[INFO].used_memory < 2GiB`, `… < 85%`. Each unit scales
 * the number to the base unit its placeholders are observed in: milliseconds for durations
 * (as `RESPONSE_TIME` is), bytes for sizes, a fraction for percents. A plain number is left
 * as it is, so `[RESPONSE_TIME] < 300` means 300 ms.
 */

/** Durations, in milliseconds. */
export const durationUnits = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Sizes, in bytes. `KB`, `MB`… are decimal (powers of 1000, as disks and network rates count)
 * and `KiB`, `MiB`… binary (powers of 1024, as Redis's `maxmemory` and memory limits do), so
 * that each spelling means one thing.
 */
export const sizeUnits = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
} as const;

export type ConditionUnit = keyof typeof durationUnits | keyof typeof sizeUnits | '%';

/** Every unit a number may carry, for messages. */
export const conditionUnits: readonly ConditionUnit[] = [
  ...(Object.keys(durationUnits) as (keyof typeof durationUnits)[]),
  ...(Object.keys(sizeUnits) as (keyof typeof sizeUnits)[]),
  '%',
];

/** What each unit multiplies and divides by: a percent divides, so `85%` is exactly 85 / 100. */
const scales = new Map<string, readonly [multiplier: number, divisor: number]>([
  ...Object.entries({ ...durationUnits, ...sizeUnits }).map(([unit, factor]) => [unit, [factor, 1]] as const),
  ['%', [1, 100]],
]);

/** A decimal number (no exponent: `1e5` reads as a word) followed by letters or `%`. */
const numberWord = /^(-?)(\d+)(?:\.(\d+))?([A-Za-z%]*)$/;

/**
 * The value of a word that is a number with an optional unit (`300`, `-2`, `1.5s`, `48h`,
 * `10MiB`, `85%`), or null for any other word (`10.0.0.1`, `PONG`, `48hr`).
 */
export function parseNumberWord(word: string): number | null {
  const match = numberWord.exec(word);
  if (match === null) return null;
  const [, sign = '', whole = '', fraction = '', unit = ''] = match;
  const scale = unit === '' ? ([1, 1] as const) : scales.get(unit);
  if (scale === undefined) return null;
  // The digits are scaled as an integer and divided once, so that `1.1s` is exactly 1100 and
  // `85.5%` exactly 0.855 (1.1 * 1000 would be 1100.0000000000002); long fractions (beyond
  // what a double holds anyway) fall back to plain parsing.
  const value =
    fraction.length <= 15
      ? (Number(whole + fraction) * scale[0]) / (10 ** fraction.length * scale[1])
      : (Number(`${whole}.${fraction}`) * scale[0]) / scale[1];
  return sign === '-' ? -value : value;
}

/**
 * The unit of a word that looks like a number with a unit this grammar does not know (`48hr`,
 * `10kb`), else null: used to refuse such words where only a number makes sense.
 */
export function unknownUnitOf(word: string): string | null {
  const match = numberWord.exec(word);
  const unit = match?.[4] ?? '';
  return unit !== '' && !scales.has(unit) ? unit : null;
}
