/**
 * The spellings of a secret value that a command can print without us knowing: the value itself,
 * its URL and form encodings (curl, query strings), its JSON escaping (API bodies, `jq`), and its
 * base64 (Basic auth, `curl -u`, Kubernetes secrets). Redaction matches every one of them, so a
 * secret cannot slip out just because a tool re-encoded it before writing it to stdout.
 *
 * Not covered, and documented as such: hex dumps, MIME base64 wrapped across lines, base64 of a
 * URL-encoded value and other encodings stacked on encodings.
 */
import { Buffer } from 'node:buffer';

/**
 * Returns the distinct forms of `value` to redact, the value itself first. Every form is at least
 * four code units long for a value of at least four characters, so none can match ordinary text
 * by accident more than a short password would.
 */
export function secretForms(value: string): string[] {
  const forms = new Set<string>([value]);
  addJsonForms(forms, value);
  addUrlForms(forms, value);
  addBase64Forms(forms, Buffer.from(value, 'utf8'));
  return [...forms];
}

/** JSON string bodies, as `JSON.stringify` writes them and as Python's `ensure_ascii` does. */
function addJsonForms(forms: Set<string>, value: string): void {
  const json = JSON.stringify(value).slice(1, -1);
  forms.add(json);
  forms.add(json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * Percent-encodings: `encodeURIComponent`, the same with `+` for spaces (form bodies),
 * `URLSearchParams` (which also escapes `!'()~`) and `encodeURI`; each also with lower-case hex
 * digits, which Go and some shells write.
 */
function addUrlForms(forms: Set<string>, value: string): void {
  let component: string;
  let uri: string;
  try {
    component = encodeURIComponent(value);
    uri = encodeURI(value);
  } catch {
    // A lone surrogate cannot be percent-encoded by any tool either; the raw form still applies.
    return;
  }
  const searchParams = new URLSearchParams([['', value]]).toString().slice(1);
  for (const encoded of [component, component.replace(/%20/g, '+'), searchParams, uri]) {
    forms.add(encoded);
    forms.add(encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  }
}

/**
 * Base64 of the UTF-8 bytes, standard and url-safe, padded and not. The value is rarely encoded
 * alone: `Authorization: Basic` carries base64 of `user:password`, where the password starts at
 * byte offset 1, 2 or 0 modulo 3 and its encoding shares no characters with base64(password).
 * So for each of the three alignments we also add the run of base64 characters that depend on
 * the value's bytes only; at most two characters at either end, which also carry neighbouring
 * bits, stay visible.
 */
function addBase64Forms(forms: Set<string>, bytes: Buffer): void {
  const standard = bytes.toString('base64');
  forms.add(standard);
  forms.add(standard.replace(/=+$/, ''));
  forms.add(toUrlSafe(standard));
  forms.add(bytes.toString('base64url'));
  for (let shift = 0; shift < 3; shift += 1) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // Character i covers bits [6i, 6i + 6); keep those inside the value's bits [8·shift, 8·(shift + n)).
    const core = shifted.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6));
    forms.add(core);
    forms.add(toUrlSafe(core));
  }
}

function toUrlSafe(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_');
}
