/**
 * Redaction of live output, chunk by chunk, for ONE channel (stdout or stderr: interleaving two
 * channels in one stream would let a secret printed half on each slip through, and would also
 * break a real one apart). A secret split across any number of chunks is still caught because the
 * stream holds back the tail that could still grow into a secret form, and only that tail.
 *
 * Chunks are strings: decoding bytes is the caller's business (a streaming `TextDecoder` keeps a
 * multi-byte character split between reads whole). Held-back tails start where a secret form
 * starts, so a chunk ending on a whole character never comes out cut inside a surrogate pair.
 */
import type { Redactor } from './create-redactor.js';
import { redactUpTo, type SecretMatch } from './redaction-spans.js';

export interface StreamRedactor {
  /**
   * Takes the next chunk and returns the redacted text that is safe to emit now; possibly empty.
   * At most `redactor.maxMatchLength - 1` characters stay held back, and none when no tail of
   * the output could be the beginning of a secret form.
   */
  push(chunk: string): string;
  /** Returns the redacted held-back rest at the end of the stream, and starts afresh. */
  flush(): string;
  /** How many code units of output are currently held back (for metrics and tests). */
  readonly heldBack: number;
}

/**
 * Wraps `redactor` for a stream. The concatenation of everything `push` and `flush` return equals
 * `redactor.redact` of the concatenated chunks, however the chunks were cut.
 *
 * No maximum secret length is asked for: the redactor knows its longest form (`maxMatchLength`),
 * which for URL-encoded or base64 forms exceeds the value's length (up to 9 times), and the
 * automaton knows exactly how much to hold, so a caller's figure could only be redundant or wrong.
 */
export function createStreamRedactor(redactor: Redactor): StreamRedactor {
  const { engine } = redactor;
  let pending = '';
  let state = 0;
  // Matches found in `pending` and not written yet, in `pending` positions.
  let matches: SecretMatch[] = [];
  // How much of the start of `pending` a label already written stands for.
  let cover = 0;

  function drain(text: string, cut: number): string {
    const step = redactUpTo(text, cut, matches, cover, engine.label);
    pending = text.slice(cut);
    cover = Math.max(0, step.cover - cut);
    matches = step.kept.map((match) => ({ start: match.start - cut, end: match.end - cut, secret: match.secret }));
    return step.output;
  }

  return {
    push(chunk) {
      const text = pending + chunk;
      state = engine.collect(text, pending.length, state, matches);
      const cut = text.length - engine.automaton.heldLength(state);
      if (matches.length === 0 && cover === 0) {
        // The common case, no secret in sight: no sorting, no copies beyond the held tail.
        pending = text.slice(cut);
        return text.slice(0, cut);
      }
      return drain(text, cut);
    },
    flush() {
      const out = drain(pending, pending.length);
      state = 0;
      cover = 0;
      return out;
    },
    get heldBack() {
      return pending.length;
    },
  };
}
