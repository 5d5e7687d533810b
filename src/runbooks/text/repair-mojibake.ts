import { isAcceptableRepair, isLikelyRepair } from './char-plausibility.js';
import { codepageTable, mojibakeCodepages, type CodepageTable, type MojibakeCodepage } from './codepages.js';
import { decodeRunBytes, findNonAsciiRuns, looksDamaged, runBytes, type TextRun } from './mojibake-runs.js';
import { repairDamagedRun } from './repair-damaged-run.js';
import { missingAtEnd } from './utf8-sequences.js';

/** One repaired run, for the import report; `line` is 1-based in the LF-normalised text. */
export interface RepairExample {
  from: string;
  to: string;
  line: number;
}

/** What the mojibake repair did to a text. */
export interface MojibakeRepairs {
  /** The codepage of most repairs, null when nothing was repaired. */
  codepage: MojibakeCodepage | null;
  /** Runs repaired. */
  count: number;
  /** The first 20 repairs. */
  examples: RepairExample[];
  /** Runs that look damaged but have no single believable repair; they are left as they were. */
  unrepaired: number;
}

interface StrictRepair {
  text: string;
  likely: boolean;
}

/** One codepage's reading of every run: the strict repair of each (or null) and how many there are. */
interface CodepageReading {
  table: CodepageTable;
  repairs: (StrictRepair | null)[];
  repairable: number;
  /** Repairs into believable characters (see isLikelyRepair). */
  likely: number;
  /** Repairs whose run still holds a misread no-break space (U+00A0 read from byte 0xA0). */
  keptNbsp: number;
}

const maxExamples = 20;

function readAs(name: MojibakeCodepage, text: string, runs: readonly TextRun[]): CodepageReading {
  const table = codepageTable(name);
  let repairable = 0;
  let likely = 0;
  let keptNbsp = 0;
  const repairs = runs.map(({ start, end }): StrictRepair | null => {
    const bytes = runBytes(text, start, end, table);
    const decoded = bytes === null ? null : decodeRunBytes(bytes, table, { allowDamage: false, previous: -1 });
    if (decoded === null || !isAcceptableRepair(decoded.text)) return null;
    repairable += 1;
    if (table.nbspIsA0 && bytes?.includes(0xa0)) keptNbsp += 1;
    const repair = { text: decoded.text, likely: isLikelyRepair(decoded.text) };
    if (repair.likely) likely += 1;
    return repair;
  });
  return { table, repairs, repairable, likely, keptNbsp };
}

/**
 * Whether the best reading shows the file damaged throughout: it repairs at least one run into
 * believable characters (several `CAFÉ\u00a0:` alone are not damage), and at least twice as many
 * runs as look like correct text under it (characters it cannot have produced,
 * or bytes without a trace of a multi-byte sequence). A letter one byte short of a sequence just
 * before a space (`Ã ` for `à`, its no-break space made a space) is not counted as correct text;
 * `é ` is, since one byte cannot complete it.
 */
function isDamagedThroughout(text: string, runs: readonly TextRun[], reading: CodepageReading): boolean {
  if (reading.likely === 0) return false;
  let correctLooking = 0;
  runs.forEach((run, index) => {
    if (reading.repairs[index] != null) return;
    const bytes = runBytes(text, run.start, run.end, reading.table);
    if (looksDamaged(bytes)) return;
    if (bytes !== null && missingAtEnd(bytes) === 1 && text.charCodeAt(run.end) === 0x20) return;
    correctLooking += 1;
  });
  return reading.repairable >= 2 * correctLooking;
}

/** Line numbers for increasing offsets, counting newlines only once. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let from = 0;
  return (offset) => {
    for (let nl = text.indexOf('\n', from); nl >= 0 && nl < offset; nl = text.indexOf('\n', from)) {
      line += 1;
      from = nl + 1;
    }
    return line;
  };
}

/**
 * Repairs UTF-8 text that was misread as Windows-1252, Windows-1254, ISO-8859-1 or Mac Roman and
 * saved again as UTF-8 (`DonnÃ©es`, `ğŸš¨`, `d√©grad√©e`). Each maximal non-ASCII run is mapped
 * back to the bytes it was read from; it is repaired when those bytes are valid multi-byte UTF-8,
 * which correct accented text practically never is. Codepages are tried in the order of how many
 * runs of the file they repair, since a file is damaged consistently. A repair into unrelated
 * scripts (CJK, IPA…), and any guess about a destroyed byte, needs the file to be damaged
 * throughout (see isDamagedThroughout). Correct text is returned unchanged, the same string.
 */
export function repairMojibake(text: string): { text: string; repairs: MojibakeRepairs } {
  const runs = findNonAsciiRuns(text);
  const repairs: MojibakeRepairs = { codepage: null, count: 0, examples: [], unrepaired: 0 };
  if (runs.length === 0) return { text, repairs };
  // sort is stable: on a tie the declaration order decides (Windows-1252 first, the most common).
  const readings = mojibakeCodepages
    .map((name) => readAs(name, text, runs))
    .sort((a, b) => b.repairable - a.repairable);
  const dominant = readings[0];
  if (dominant === undefined || dominant.repairable === 0) return { text, repairs };
  const damagedThroughout = isDamagedThroughout(text, runs, dominant);

  const parts: string[] = [];
  const perCodepage = new Map<MojibakeCodepage, number>();
  const lineAt = lineCounter(text);
  let cursor = 0;
  for (let index = 0; index < runs.length; index += 1) {
    const run = runs[index]!;
    let repair: { text: string; end: number; codepage: MojibakeCodepage } | null = null;
    for (const reading of readings) {
      const strict = reading.repairs[index];
      if (strict != null && (strict.likely || (damagedThroughout && reading === dominant))) {
        repair = { text: strict.text, end: run.end, codepage: reading.table.name };
        break;
      }
    }
    if (repair === null && damagedThroughout) {
      // An editor that turns no-break spaces into spaces does it everywhere: a file that kept
      // some (`Ã\u00a0` for `à`) lost its other bytes some other way.
      const spacesMayBeNbsp = dominant.keptNbsp === 0;
      const damaged = repairDamagedRun(text, runs, index, { table: dominant.table, spacesMayBeNbsp });
      if (damaged !== null) {
        repair = { text: damaged.text, end: damaged.end, codepage: dominant.table.name };
        index = damaged.lastRun;
      } else if (looksDamaged(runBytes(text, run.start, run.end, dominant.table))) {
        repairs.unrepaired += 1;
      }
    }
    if (repair === null) continue;
    parts.push(text.slice(cursor, run.start), repair.text);
    cursor = repair.end;
    repairs.count += 1;
    perCodepage.set(repair.codepage, (perCodepage.get(repair.codepage) ?? 0) + 1);
    if (repairs.examples.length < maxExamples) {
      repairs.examples.push({ from: text.slice(run.start, repair.end), to: repair.text, line: lineAt(run.start) });
    }
  }
  if (repairs.count === 0) return { text, repairs };
  parts.push(text.slice(cursor));
  repairs.codepage = [...perCodepage].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  return { text: parts.join(''), repairs };
}
