import type { Labels } from '../alert-model.js';

/**
 * Alertmanager identifies an alert by `model.LabelSet.Fingerprint()` of prometheus/common: FNV-1a
 * 64-bit over the label names in byte order, each as name bytes, 0xff, value bytes, 0xff. Computing
 * the very same number lets an alert keep one identity whichever way it came in (Prometheus push,
 * Alertmanager webhook) and lets operators match ids with Alertmanager's UI.
 *
 * This runs for every incoming alert, so the 64-bit state is kept in four 16-bit limbs: products
 * of a limb and the prime's low part stay below 2^31, where numbers are exact and fast (BigInt per
 * byte is roughly 50 times slower).
 */

/** The prime 2^40 + 0x1b3: multiplying is `h * 0x1b3 + (h << 40)`. */
const primeLow = 0x1b3;
/** Go's `model.SeparatorByte`. */
const separator = 0xff;

/** The FNV-1a 64-bit state: the offset basis 0xcbf29ce484222325, least significant limb first. */
interface FnvState {
  l0: number;
  l1: number;
  l2: number;
  l3: number;
}

/** Mixes one byte into the state: xor, then multiply by the prime modulo 2^64. */
function addByte(state: FnvState, byte: number): void {
  const l0 = state.l0 ^ byte;
  const t0 = l0 * primeLow;
  let t1 = state.l1 * primeLow;
  // h << 40 moves limb 0 into limbs 2-3 (shifted by 8) and limb 1 into limb 3; the rest overflows.
  let t2 = state.l2 * primeLow + (l0 << 8);
  const t3 = state.l3 * primeLow + (state.l1 << 8);
  t1 += t0 >>> 16;
  t2 += t1 >>> 16;
  state.l0 = t0 & 0xffff;
  state.l1 = t1 & 0xffff;
  state.l2 = t2 & 0xffff;
  state.l3 = (t3 + (t2 >>> 16)) & 0xffff;
}

/**
 * Mixes the UTF-8 bytes of a string without allocating them. A lone surrogate becomes U+FFFD, as
 * Go's JSON decoder turns it, so the hash matches what Alertmanager received.
 */
function addString(state: FnvState, text: string): void {
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      addByte(state, code);
      continue;
    }
    if (code < 0x800) {
      addByte(state, 0xc0 | (code >> 6));
      addByte(state, 0x80 | (code & 0x3f));
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
        addByte(state, 0xf0 | (code >> 18));
        addByte(state, 0x80 | ((code >> 12) & 0x3f));
        addByte(state, 0x80 | ((code >> 6) & 0x3f));
        addByte(state, 0x80 | (code & 0x3f));
        continue;
      }
      code = 0xfffd;
    }
    addByte(state, 0xe0 | (code >> 12));
    addByte(state, 0x80 | ((code >> 6) & 0x3f));
    addByte(state, 0x80 | (code & 0x3f));
  }
}

/** The code point at `i` and its width in UTF-16 units; a lone surrogate reads as U+FFFD, as Go decodes it. */
function codePointAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) return code;
  const next = text.charCodeAt(i + 1);
  if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
  return 0xfffd;
}

/**
 * Orders strings as Go does: by UTF-8 bytes, which is code point order. JavaScript's `<` compares
 * UTF-16 units instead, which disagrees between surrogates and U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x < 0xd800 && y < 0xd800) {
      if (x !== y) return x - y;
      i++;
      continue;
    }
    const codeA = codePointAt(a, i);
    const codeB = codePointAt(b, i);
    if (codeA !== codeB) return codeA - codeB;
    // Equal code points have equal widths (a lone surrogate and U+FFFD are both one unit).
    i += codeA > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

function hexLimb(limb: number): string {
  return limb.toString(16).padStart(4, '0');
}

/**
 * Alertmanager's fingerprint of a label set, as 16 lowercase hex digits (`%016x` of Go's
 * `model.Fingerprint`). Empty values count: callers drop them first where Alertmanager does.
 */
export function labelsFingerprint(labels: Labels): string {
  const state: FnvState = { l0: 0x2325, l1: 0x8422, l2: 0x9ce4, l3: 0xcbf2 };
  const names = Object.keys(labels).sort(compareCodePoints);
  for (const name of names) {
    addString(state, name);
    addByte(state, separator);
    addString(state, labels[name] ?? '');
    addByte(state, separator);
  }
  return hexLimb(state.l3) + hexLimb(state.l2) + hexLimb(state.l1) + hexLimb(state.l0);
}
