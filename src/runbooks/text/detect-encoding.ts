import { validationError, type AppError } from '../../core/app-error.js';
import { decodeWindows1252 } from './codepages.js';

/** The encodings a runbook upload is accepted in. */
export const textEncodings = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/**
 * Signatures of the binary files people upload by mistake instead of a Markdown export. Only
 * signatures that cannot open a text file are listed (not `MZ`, not `%!`).
 */
const binarySignatures: readonly (readonly [string, readonly number[]])[] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or a .docx/.xlsx/.odt document)', [0x50, 0x4b, 0x03, 0x04]],
  ['an empty ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an old Word or Excel document', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a UTF-32 text', [0xff, 0xfe, 0x00, 0x00]],
  ['a UTF-32 text', [0x00, 0x00, 0xfe, 0xff]],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

function notText(reason: string): AppError {
  return validationError(`The runbook is not a text file: ${reason}`, [
    { path: '/content', message: `${reason}; upload the runbook as Markdown text (UTF-8 preferred)` },
  ]);
}

/** Strict decoding; null instead of an exception when the bytes are not valid in `encoding`. */
function decodeStrictly(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Whether bytes that are not UTF-8 read as plausible Western 8-bit text: no control characters but
 * tab, line breaks and form feed (binary data has them everywhere), and, past a few words, at most
 * a third of the bytes above 0x7F (a Cyrillic or Greek codepage would come out as gibberish).
 */
function looksLikeLegacyText(bytes: Uint8Array): boolean {
  let high = 0;
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
    if (byte > 0x7f) high += 1;
  }
  return bytes.length < 64 || high * 3 <= bytes.length;
}

/**
 * Turns the bytes of an upload into text: UTF-8 with or without BOM, UTF-16 with a BOM, or, when
 * the bytes are not UTF-8 but read as 8-bit text, Windows-1252 (a superset of ISO-8859-1 for
 * printable text, and what Windows editors save). Anything else is refused with a 400 on `/content`.
 */
export function decodeTextBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  for (const [what, signature] of binarySignatures) if (startsWith(bytes, signature)) throw notText(`it is ${what}`);
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    if (!startsWith(bytes, encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff])) continue;
    const text = decodeStrictly(encoding, bytes.subarray(2));
    if (text === null)
      throw notText(
        `it starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`,
      );
    if (text.includes('\0')) throw notText('it contains NUL characters');
    return { text, encoding };
  }
  if (bytes.includes(0)) {
    throw notText('it contains NUL bytes (a binary file, or UTF-16 without a byte-order mark)');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeStrictly('utf-8', bytes.subarray(3));
    if (text === null) throw notText('it starts with a UTF-8 byte-order mark but is not valid UTF-8');
    return { text, encoding: 'utf-8-bom' };
  }
  const text = decodeStrictly('utf-8', bytes);
  if (text !== null) return { text, encoding: 'utf-8' };
  if (!looksLikeLegacyText(bytes)) throw notText('it is neither valid UTF-8 nor a plausible 8-bit text');
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
