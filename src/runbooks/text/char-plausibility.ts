import { codepageTable, mojibakeCodepages } from './codepages.js';

/**
 * Which repaired characters are believable. Mojibake of Western text turns back into accented
 * letters, typographic punctuation, symbols and emoji; correct text that merely happens to
 * re-encode as valid UTF-8 (`é` + NBSP + `»` is the bytes of a CJK ideograph, `É` + NBSP those of
 * an IPA letter) turns into characters from unrelated scripts. The first kind is safe to repair
 * anywhere; the second only in a file that is damaged throughout. Left out of the first kind on
 * purpose: most of Latin Extended (`Ä…` is the bytes of `ą`), number forms (`â…»` those of `ⅻ`),
 * control pictures and braille.
 */
const commonRanges: readonly (readonly [number, number])[] = [
  [0x00a0, 0x00ff], // Latin-1 Supplement
  [0x0131, 0x0131],
  [0x011e, 0x011f],
  [0x0130, 0x0130],
  [0x015e, 0x015f], // Turkish ğ İ ı ş
  [0x0152, 0x0153],
  [0x0160, 0x0161],
  [0x0178, 0x0178],
  [0x017d, 0x017e],
  [0x0192, 0x0192], // Œ œ Š š Ÿ Ž ž ƒ
  [0x02c6, 0x02c7],
  [0x02d8, 0x02dd], // spacing accents from Windows and Mac codepages
  [0x200d, 0x200d], // zero-width joiner inside emoji sequences
  [0x2010, 0x2027],
  [0x202f, 0x205e], // dashes, quotes, bullets, ellipsis, narrow NBSP, ‰
  [0x20a0, 0x20c0], // currency signs (€)
  [0x20e3, 0x20e3], // keycap
  [0x2100, 0x214f], // letterlike (™, №, ℹ)
  [0x2190, 0x23ff], // arrows, maths, technical (⏱, ⌘)
  [0x2460, 0x27bf], // enclosed (Ⓜ), box drawing, blocks, shapes, symbols (⚠), dingbats (✅)
  [0x2b00, 0x2bff], // more arrows and symbols (⭐)
  [0xfb01, 0xfb02], // ﬁ ﬂ
  [0xfe0f, 0xfe0f], // emoji presentation selector
  [0xfeff, 0xfeff], // a byte-order mark read as text (ï»¿)
  [0x1f000, 0x1faff], // emoji
];

function isCommon(codePoint: number): boolean {
  return commonRanges.some(([low, high]) => codePoint >= low && codePoint <= high);
}

/** Whether every character of a repair is of the believable kind (see the file comment). */
export function isLikelyRepair(text: string): boolean {
  for (const char of text) if (!isCommon(char.codePointAt(0) ?? 0)) return false;
  return true;
}

// Emoji code points not yet assigned in this Node's Unicode tables are Extended_Pictographic
// already: mojibake of an emoji newer than the runtime must still be repairable.
const unusable = /(?!\p{Extended_Pictographic})[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u;

/** Whether a repair is text at all: no controls, unassigned (but emoji) or private-use characters. */
export function isAcceptableRepair(text: string): boolean {
  return !unusable.test(text);
}

let codepageRepertoire: Set<number> | undefined;

/** Characters people actually type in Western text: anything the four codepages can encode. */
function inCodepageRepertoire(codePoint: number): boolean {
  if (codepageRepertoire === undefined) {
    const set = new Set<number>();
    for (const name of mojibakeCodepages) {
      const { toByte } = codepageTable(name);
      for (let unit = 0xa0; unit < toByte.length; unit += 1) if ((toByte[unit] ?? -1) >= 0x80) set.add(unit);
    }
    codepageRepertoire = set;
  }
  return codepageRepertoire.has(codePoint);
}

const pictographic = /\p{Extended_Pictographic}/u;
const ignorable = /[\p{C}\p{Z}\p{M}]/u;
const opening = /[\p{Ps}\p{Pi}]/u;
const wordChar = /[\p{L}\p{N}]/u;
const keycapBase = /^[0-9#*]$/;

/**
 * How believable `codePoint` is as the repair of a sequence that lost a byte, right after
 * `previous` (-1 at the start of the text); 0 means never. The variation selector and the joiner
 * only make sense after an emoji; an opening quote right after a letter is unlikely (`”` rather
 * than `„` in `guillemets”`); common characters beat rare ones of the same class.
 */
export function candidateScore(codePoint: number, previous: number): number {
  const prev = previous < 0 ? '' : String.fromCodePoint(previous);
  if (codePoint === 0x200d) return pictographic.test(prev) ? 3 : 0;
  if (codePoint === 0xfe0f) return pictographic.test(prev) || keycapBase.test(prev) ? 3 : 0;
  const char = String.fromCodePoint(codePoint);
  // The no-break spaces of French typography are spaces, but wanted ones.
  if (codePoint === 0xa0 || codePoint === 0x202f || pictographic.test(char)) return 2;
  if (ignorable.test(char)) return 0;
  let score = inCodepageRepertoire(codePoint) ? 2 : 1;
  if (opening.test(char) && wordChar.test(prev)) score -= 1;
  return score;
}
