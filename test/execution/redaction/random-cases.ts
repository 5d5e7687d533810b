/**
 * Seeded generators for the property tests: secrets with awkward characters, log-ish text with
 * those secrets in all their forms and with false starts, and random ways to cut it into chunks.
 * A fixed seed per case keeps a failure reproducible: the test name carries the seed.
 */
import { Buffer } from 'node:buffer';
import type { NamedSecret } from '../../../src/execution/redaction/create-redactor.js';
import { secretForms } from '../../../src/execution/redaction/secret-forms.js';

export type Random = () => number;

/** mulberry32: small, fast, good enough to spread test cases. */
export function seededRandom(seed: number): Random {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// No `[` or `]` in secrets: then no form can straddle a `[REDACTED:…]` label, and "the output
// contains no form" is a fair property. Brackets get their own targeted test.
const secretChars = [...'abcdefABCDEF0123456789 !&=+/%?#:@.-_~\'()*"\\é€😀🔥'];
const noiseChars = [...'abcdefxyzABC0123456789 %+=/-_:.\n\t"\\éß€😀🚀'];

/** Text made of `chars` only, `length` code points long. */
export function randomText(random: Random, chars: readonly string[], length: number): string {
  return Array.from({ length }, () => pick(random, chars)).join('');
}

/**
 * 1 to 5 secrets of 4 to 20 characters, none of whose forms shows inside any label. One in three
 * starts with the end of an earlier one, so that printed back to back they overlap.
 */
export function randomSecrets(random: Random): NamedSecret[] {
  const count = int(random, 1, 5);
  const labels = Array.from({ length: count }, (_, i) => `[REDACTED:s${i}]`);
  const secrets: NamedSecret[] = [];
  while (secrets.length < count) {
    const earlier = secrets.length > 0 && int(random, 0, 2) === 0 ? pick(random, secrets).value : '';
    const head = earlier.slice(earlier.length - int(random, 1, Math.max(1, earlier.length - 1)));
    const value = head + randomText(random, secretChars, int(random, 4, 20));
    if (secretForms(value).some((form) => labels.some((label) => label.includes(form)))) continue;
    secrets.push({ name: `s${secrets.length}`, value });
  }
  return secrets;
}

/**
 * Noise with secrets dropped in: verbatim, in a random form, inside a Basic auth header after a
 * user name of random length (all three base64 alignments), twice in a row, or cut short (a
 * false start that a stream must hold, then let go).
 */
export function randomOutput(random: Random, secrets: readonly NamedSecret[]): string {
  const pieces: string[] = [];
  const count = int(random, 1, 12);
  for (let i = 0; i < count; i += 1) {
    pieces.push(randomText(random, noiseChars, int(random, 0, 30)));
    const secret = pick(random, secrets).value;
    const form = pick(random, secretForms(secret));
    switch (int(random, 0, 6)) {
      case 0:
        pieces.push(secret);
        break;
      case 1:
        pieces.push(form);
        break;
      case 2:
        pieces.push(`Basic ${Buffer.from(`${'u'.repeat(int(random, 0, 5))}:${secret}`).toString('base64')}`);
        break;
      case 3:
        pieces.push(form + form.slice(0, int(random, 0, form.length)));
        break;
      case 4:
        pieces.push(form.slice(0, int(random, 1, form.length - 1)));
        break;
      case 5:
        pieces.push(overlapJoin(secret, pick(random, secrets).value));
        break;
      default:
        break;
    }
  }
  return pieces.join('');
}

/** `a` then `b`, sharing the longest end of `a` that begins `b`. */
function overlapJoin(a: string, b: string): string {
  for (let shared = Math.min(a.length, b.length) - 1; shared > 0; shared -= 1) {
    if (a.endsWith(b.slice(0, shared))) return a + b.slice(shared);
  }
  return a + b;
}

/** Cuts `text` at random code-unit positions (surrogate pairs included) into 1 to `max` chunks. */
export function randomChunks(random: Random, text: string, max: number): string[] {
  const count = int(random, 1, Math.max(1, Math.min(max, text.length)));
  const cuts = new Set<number>();
  while (cuts.size < count - 1) cuts.add(int(random, 1, text.length - 1));
  const points = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  return points.slice(1).map((end, i) => text.slice(points[i], end));
}

/** Length of the longest tail of `text` that is a proper prefix of one of `forms` (brute force). */
export function expectedHeld(text: string, forms: readonly string[]): number {
  for (
    let length = Math.min(text.length, Math.max(0, ...forms.map((form) => form.length - 1)));
    length > 0;
    length -= 1
  ) {
    const tail = text.slice(text.length - length);
    if (forms.some((form) => form.length > length && form.startsWith(tail))) return length;
  }
  return 0;
}

/**
 * What redaction must produce, computed the slow, obvious way: every occurrence of every form
 * found with `indexOf`, overlapping ones fused into one span labelled after its leftmost, longest
 * occurrence (the first secret for a form two secrets share).
 */
export function referenceRedact(text: string, secrets: readonly NamedSecret[]): string {
  const found: { start: number; end: number; secret: number }[] = [];
  secrets.forEach((secret, index) => {
    for (const form of secretForms(secret.value)) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
        found.push({ start: at, end: at + form.length, secret: index });
      }
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.secret - b.secret);
  let out = '';
  let spanEnd = 0;
  for (const match of found) {
    if (match.start < spanEnd) {
      spanEnd = Math.max(spanEnd, match.end);
    } else {
      out += `${text.slice(spanEnd, match.start)}[REDACTED:${secrets[match.secret]!.name}]`;
      spanEnd = match.end;
    }
  }
  return out + text.slice(spanEnd);
}
