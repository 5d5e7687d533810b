/**
 * Turning raw matches into replaced text, the one routine both whole-text and stream redaction
 * run, which is what makes their outputs equal however a stream is chunked.
 *
 * Matches of different secrets may overlap (`abcdef` and `defghi` in `abcdefghi`): replacing the
 * first and resuming after it would print `ghi`, a piece of the second secret. So a match that
 * starts inside a replaced span extends it, and the whole run is replaced by one label, named
 * after the span's first match (the longest one at its start). The label is therefore known as
 * soon as the span starts, so a stream can write it at once and only swallow what follows; a
 * name list grown by later matches would force it to hold an unbounded run (`aaaa…` when the
 * secret is `aaaa`).
 */

/** One occurrence of a secret form, by code-unit positions (end exclusive) and secret index. */
export interface SecretMatch {
  start: number;
  end: number;
  secret: number;
}

/** What `redactUpTo` wrote, how far replaced text reaches, and the matches left for later. */
export interface RedactionStep {
  output: string;
  /** End of the last replaced span: text before it was swallowed (it may lie beyond `cut`). */
  cover: number;
  /** The matches starting at or after `cut` (outside any span), sorted, not handled yet. */
  kept: SecretMatch[];
}

/**
 * Writes `text` up to `cut` with every match that starts before `cut` replaced by a label.
 * `cover` says how much of the beginning of `text` a label already written replaced; a match
 * starting there extends that span instead of opening a new one.
 */
export function redactUpTo(
  text: string,
  cut: number,
  matches: readonly SecretMatch[],
  cover: number,
  labelOf: (secret: number) => string,
): RedactionStep {
  const sorted = [...matches].sort(byStartLongestFirst);
  let output = '';
  let spanEnd = cover;
  let index = 0;
  for (; index < sorted.length; index += 1) {
    const match = sorted[index]!;
    if (match.start < spanEnd) {
      if (match.end > spanEnd) spanEnd = match.end;
      continue;
    }
    // A match starting in the held tail could still be the start of a longer one: wait.
    if (match.start >= cut) break;
    output += text.slice(spanEnd, match.start) + labelOf(match.secret);
    spanEnd = match.end;
  }
  if (spanEnd < cut) output += text.slice(spanEnd, cut);
  return { output, cover: spanEnd, kept: sorted.slice(index) };
}

function byStartLongestFirst(a: SecretMatch, b: SecretMatch): number {
  return a.start - b.start || b.end - a.end;
}
