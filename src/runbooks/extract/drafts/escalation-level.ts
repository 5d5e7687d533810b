import { parseWindow } from './parse-duration.js';

/** One escalation level as written, before delays are worked out across levels. */
export interface LevelText {
  level: number;
  target: string;
  role: string | null;
  windowRaw: string | null;
  /** When the level is paged, if the text says so (`0-15 min`, `après 30 min`). */
  startMinutes: number | null;
  /** The level's time to answer, if the text gives one (`répond sous 15 min`, a response column). */
  responseMinutes: number | null;
  notes: string | null;
}

const levelLabel =
  /^\s*(?:niveau|level|lvl|tier|palier|[ée]tape|step|rang|l|n|t)\s*[-#°:]?\s*(\d+)\b\s*(?:[-–—:/|]\s*)?(.*)$/i;
const responseWords = /\b(sous|within|r[ée]pon\w*|respon\w*|answer\w*|ack\w*|en moins de|prise en charge)\b/i;
const escalateVerb =
  /^(?:escalade[rz]?|escalate|escalation|appeler|call|page[rz]?|contacter|contact|notifier|notify|pr[ée]venir)\s+(?:(?:vers|to|à|au|aux)\s+)?/i;

/** `Niveau 2`, `L1 - Ops`, `Tier 3`: the number and a role name when one follows. */
export function readLevelLabel(text: string): { level: number; role: string | null } | null {
  const match = levelLabel.exec(text.trim());
  if (match === null) return null;
  const role = match[2]!.trim();
  return { level: Number(match[1]), role: role === '' ? null : role };
}

/**
 * Reads what a level says: who (`Développeur on-call`), and when, from a parenthesis or a trailing
 * phrase (`(0-15 min)`, `- après 30 min`). Other parentheses are kept as notes.
 */
export function readLevelText(level: number, role: string | null, text: string): LevelText {
  // Set in the replace callback: TypeScript would otherwise take it for null ever after.
  let windowRaw = null as string | null;
  const notes: string[] = [];
  let target = text.replace(/\(([^)]*)\)/g, (_whole, inner: string) => {
    if (windowRaw === null && parseWindow(inner) !== null) windowRaw = inner.trim();
    else notes.push(inner.trim());
    return ' ';
  });
  if (windowRaw === null) {
    const trailing =
      /(?:\s[-–—]\s|,\s|:\s|\s)((?:apr[eè]s|after|au bout de|sous|within|dans|>|≥|T\+)?\s*\d+(?:[.,]\d+)?\s*(?:(?:-|–|à|to)\s*\d+\s*)?[a-zé]{0,8}\s*\+?)\s*$/i.exec(
        target,
      );
    if (trailing !== null && parseWindow(trailing[1]!) !== null) {
      windowRaw = trailing[1]!.trim();
      target = target.slice(0, trailing.index);
    }
  }
  const window = windowRaw === null ? null : parseWindow(windowRaw);
  const isResponse = window !== null && window.form === 'plain' && responseWords.test(text);
  return {
    level,
    target: cleanTarget(target),
    role,
    windowRaw,
    startMinutes: window === null || isResponse ? null : window.startMinutes,
    responseMinutes: isResponse ? window.startMinutes : null,
    notes: notes.length === 0 ? null : notes.join('; '),
  };
}

/** `Escalade vers l'équipe de développement` → `l'équipe de développement`. */
function cleanTarget(text: string): string {
  const trimmed = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s:\-–—,]+|[\s:\-–—,.]+$/g, '')
    .trim();
  const withoutVerb = trimmed.replace(escalateVerb, '').trim();
  return withoutVerb === '' ? trimmed : withoutVerb;
}

/**
 * When each level is paged. A level's own start wins; with response delays only, a level is paged
 * when the one before let its delay pass: level 1 at 0, then the running sum of the delays before
 * (15 / 30 / 60 → 0, 15, 45). Unknown delays leave the following starts unknown.
 */
export function startsOf(levels: readonly LevelText[]): (number | null)[] {
  const hasResponses = levels.some((level) => level.responseMinutes !== null);
  let elapsed: number | null = 0;
  return levels.map((level) => {
    const start = level.startMinutes ?? (hasResponses ? elapsed : null);
    elapsed = start !== null && level.responseMinutes !== null ? start + level.responseMinutes : null;
    return start;
  });
}
