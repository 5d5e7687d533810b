/**
 * Alertmanager compiles matcher regexes with Go's RE2 syntax; Astreinte runs them with
 * JavaScript's engine (`u` mode, so that `.` takes a whole code point as Go does). The two
 * differ: JavaScript accepts lookarounds and backreferences RE2 refuses, and refuses escapes,
 * lone braces and inline flags RE2 accepts. This rewrites an RE2 pattern into the JavaScript
 * pattern that matches the same strings, or says why it cannot.
 */

/** A pattern JavaScript can compile, with the flags RE2 gave inline (`(?i)` → `i`). */
export type TranslatedRegex = { ok: true; source: string; flags: string } | { ok: false; reason: string };

/** Characters JavaScript lets one escape in `u` mode; RE2 lets one escape any ASCII punctuation. */
const jsEscapable = new Set('^$\\.*+?()[]{}|/');
const asciiPunctuation = /^[!-/:-@[-`{-~]$/;
const simpleEscapes: Record<string, string> = { a: '\\x07', f: '\\f', t: '\\t', n: '\\n', r: '\\r', v: '\\v' };
const classEscapes = new Set(['d', 'D', 'S', 'w', 'W']);
const asciiSpace = '\\t\\n\\f\\r ';
const posixClasses: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};
const generalCategories = /^(?:[LMNPSZC]|L[ultmo]|M[nce]|N[dlo]|P[cdseifo]|S[mcko]|Z[slp]|C[cfso])$/;
/** RE2 refuses repeat counts above 1000. */
const maxRepeat = 1000;

class Untranslatable extends Error {}

/** Rewrites an RE2 pattern for JavaScript's `u` mode; `ok: false` names what RE2 or this rewrite refuses. */
export function translateRe2(pattern: string): TranslatedRegex {
  try {
    const lead = /^(?:\(\?[a-zA-Z]+\))+/.exec(pattern)?.[0] ?? '';
    const flags = [...new Set(lead.replace(/[(?)]/g, ''))];
    const unknown = flags.find((flag) => !'ims'.includes(flag));
    if (unknown !== undefined) throw new Untranslatable(`the inline flag ${unknown} is not supported`);
    return { ok: true, source: translateBody(pattern, lead.length, flags.includes('s')), flags: flags.join('') };
  } catch (error) {
    if (error instanceof Untranslatable) return { ok: false, reason: error.message };
    throw error;
  }
}

function translateBody(pattern: string, start: number, dotAll: boolean): string {
  let out = '';
  let classStart = -1; // index just after `[` or `[^` while inside a class
  for (let i = start; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    const inClass = classStart >= 0;
    if (char === '\\') {
      const [text, next] = translateEscape(pattern, i + 1, inClass);
      out += text;
      i = next - 1;
    } else if (inClass) {
      if (char === ']' && i !== classStart) {
        out += ']';
        classStart = -1;
      } else if (char === '[' && pattern[i + 1] === ':') {
        const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
        const range = posix === null ? undefined : posixClasses[posix[2]!];
        if (posix === null || range === undefined || posix[1] === '^')
          throw new Untranslatable('unknown or negated POSIX class');
        out += range;
        i += posix[0].length - 1;
      } else {
        out += char === '[' || char === ']' ? `\\${char}` : char;
      }
    } else if (char === '[') {
      const negated = pattern[i + 1] === '^';
      out += negated ? '[^' : '[';
      i += negated ? 1 : 0;
      classStart = i + 1;
    } else if (char === '(') {
      const [text, next] = translateGroupOpening(pattern, i);
      out += text;
      i = next - 1;
    } else if (char === '{') {
      const repeat = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat === null) {
        out += '\\{'; // RE2 reads a brace that opens no repeat as a literal; JavaScript's `u` mode refuses it
      } else {
        const low = Number(repeat[1]);
        const high = repeat[2] === undefined || repeat[2] === '' ? low : Number(repeat[2]);
        if (low > maxRepeat || high > maxRepeat)
          throw new Untranslatable(`repeat counts above ${maxRepeat} are not allowed`);
        out += repeat[0];
        i += repeat[0].length - 1;
      }
    } else if (char === '.' && !dotAll) {
      out += '[^\\n]'; // RE2's `.` refuses only `\n`; JavaScript's also refuses `\r`, U+2028 and U+2029
    } else {
      out += char === '}' || char === ']' ? `\\${char}` : char;
    }
  }
  if (classStart >= 0) throw new Untranslatable('missing closing ]');
  return out;
}

/** `(?:`, `(?P<name>`, `(?<name>` pass; lookarounds and inline flags past the start do not. */
function translateGroupOpening(pattern: string, at: number): [string, number] {
  if (pattern[at + 1] !== '?') return ['(', at + 1];
  const rest = pattern.slice(at + 2);
  if (rest.startsWith(':')) return ['(?:', at + 3];
  const named = /^P?<([A-Za-z0-9_]+)>/.exec(rest);
  if (named !== null) return [`(?<${named[1]}>`, at + 2 + named[0].length];
  if (/^(?:=|!|<=|<!)/.test(rest))
    throw new Untranslatable('lookahead and lookbehind assertions are not supported by RE2');
  if (/^[a-zA-Z-]+[:)]/.test(rest))
    throw new Untranslatable('inline flags are only supported at the start of the expression');
  throw new Untranslatable('invalid or unsupported group syntax');
}

/** The JavaScript for the escape whose letter is at `at`, and where the pattern goes on. */
function translateEscape(pattern: string, at: number, inClass: boolean): [string, number] {
  const char = pattern[at];
  if (char === undefined) throw new Untranslatable('trailing backslash');
  if (/[0-7]/.test(char) && (char === '0' || /[0-7]/.test(pattern[at + 1] ?? ''))) {
    const octal = /^[0-7]{1,3}/.exec(pattern.slice(at))![0];
    return [`\\u{${Number.parseInt(octal, 8).toString(16)}}`, at + octal.length];
  }
  if (/[1-9]/.test(char)) throw new Untranslatable('backreferences are not supported by RE2');
  if (simpleEscapes[char] !== undefined) return [simpleEscapes[char], at + 1];
  // RE2's `\s` is ASCII whitespace only; JavaScript's adds the Unicode spaces. (`[\S]` in a class stays JavaScript's.)
  if (char === 's') return [inClass ? asciiSpace : `[${asciiSpace}]`, at + 1];
  if (char === 'S' && !inClass) return [`[^${asciiSpace}]`, at + 1];
  if (classEscapes.has(char)) return [`\\${char}`, at + 1];
  if (char === 'x') return translateHex(pattern, at + 1);
  if (char === 'p' || char === 'P') return translateUnicodeClass(pattern, at, inClass);
  if (char === 'Q') return translateQuoted(pattern, at + 1, inClass);
  if (!inClass && (char === 'b' || char === 'B')) return [`\\${char}`, at + 1];
  // Written as lookarounds so that a `(?m)` flag, which JavaScript applies to `^` and `$`, leaves them alone.
  if (!inClass && char === 'A') return ['(?<![\\s\\S])', at + 1];
  if (!inClass && char === 'z') return ['(?![\\s\\S])', at + 1];
  if (asciiPunctuation.test(char)) {
    const keep = jsEscapable.has(char) || (inClass && char === '-');
    return [keep ? `\\${char}` : char, at + 1];
  }
  throw new Untranslatable(`invalid escape \\${char}`);
}

function translateHex(pattern: string, at: number): [string, number] {
  const braced = /^\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(at));
  if (braced !== null && Number.parseInt(braced[1]!, 16) <= 0x10ffff)
    return [`\\u{${braced[1]}}`, at + braced[0].length];
  const short = /^[0-9A-Fa-f]{2}/.exec(pattern.slice(at));
  if (short !== null) return [`\\x${short[0]}`, at + 2];
  throw new Untranslatable('invalid \\x escape');
}

/** `\pL`, `\p{Greek}`, `\p{^Lu}`: categories keep their name, scripts need JavaScript's `Script=`. */
function translateUnicodeClass(pattern: string, at: number, inClass: boolean): [string, number] {
  const match = /^[pP](?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(pattern.slice(at));
  if (match === null) throw new Untranslatable('invalid Unicode class');
  const name = match[2] ?? match[3]!;
  const negated = (match[0][0] === 'P') !== (match[1] === '^');
  if (name === 'Any')
    return [negated ? (inClass ? '' : '[^\\s\\S]') : inClass ? '\\s\\S' : '[\\s\\S]', at + match[0].length];
  const property = generalCategories.test(name) ? name : `Script=${name}`;
  return [`\\${negated ? 'P' : 'p'}{${property}}`, at + match[0].length];
}

/** `\Q…\E`: everything between is literal. */
function translateQuoted(pattern: string, at: number, inClass: boolean): [string, number] {
  const end = pattern.indexOf('\\E', at);
  const literal = pattern.slice(at, end < 0 ? pattern.length : end);
  const special = inClass ? /[\\\][^-]/g : /[\\^$.*+?()[\]{}|/]/g;
  return [literal.replace(special, '\\$&'), end < 0 ? pattern.length : end + 2];
}
