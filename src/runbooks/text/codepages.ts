import iconv from 'iconv-lite';
import { UNKNOWN_BYTE } from './utf8-sequences.js';

/** The 8-bit codepages UTF-8 text is commonly misread as before being saved again as UTF-8. */
export const mojibakeCodepages = ['windows-1252', 'windows-1254', 'iso-8859-1', 'macintosh'] as const;
export type MojibakeCodepage = (typeof mojibakeCodepages)[number];

/** Marks, in CodepageTable.toByte, a character no byte of the codepage decodes to. */
export const NOT_IN_CODEPAGE = -1;

/** A codepage read backwards: from the characters a misreading produced to the bytes it read. */
export interface CodepageTable {
  readonly name: MojibakeCodepage;
  /**
   * UTF-16 code unit → byte, NOT_IN_CODEPAGE, or UNKNOWN_BYTE for U+FFFD when several bytes could
   * have produced it. Every character these codepages produce is a single code unit.
   */
  readonly toByte: Int16Array;
  /** Bytes a decoder could not represent, so they came out as U+FFFD or a C1 control, or vanished. */
  readonly lostBytes: readonly number[];
  /** Whether 0xA0 is a no-break space here, which editors like to turn into a plain space. */
  readonly nbspIsA0: boolean;
}

/**
 * Characters other tools produce for a byte where iconv-lite's table says something else: Apple's
 * own table has U+F8FF (the Apple logo) for 0xF0 and € for 0xDB since Mac OS 8.5, and NFC
 * normalisation turns the ohm sign U+2126 (0xBD) into Greek omega.
 */
const alternativeChars: Record<MojibakeCodepage, readonly (readonly [number, number])[]> = {
  'windows-1252': [],
  'windows-1254': [],
  'iso-8859-1': [],
  macintosh: [
    [0xf8ff, 0xf0],
    [0x20ac, 0xdb],
    [0x03a9, 0xbd],
    [0x0394, 0xc6],
    [0x03bc, 0xb5],
  ],
};

const tables = new Map<MojibakeCodepage, CodepageTable>();
let windows1252Forward: string[] | undefined;

function allBytesAs(encoding: string): string {
  const decoded = iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)), encoding);
  if (decoded.length !== 256) throw new Error(`${encoding} does not decode one byte to one code unit`);
  return decoded;
}

function buildTable(name: MojibakeCodepage): CodepageTable {
  const chars = allBytesAs(name);
  const toByte = new Int16Array(0x10000).fill(NOT_IN_CODEPAGE);
  const lostBytes: number[] = [];
  for (let byte = 0; byte < 256; byte += 1) {
    const unit = chars.charCodeAt(byte);
    if (unit === 0xfffd || (unit >= 0x80 && unit <= 0x9f)) lostBytes.push(byte);
    if (unit !== 0xfffd) toByte[unit] = byte;
  }
  // Browsers decode the bytes Windows leaves undefined to the C1 control of the same value; those
  // characters must lead back to their byte. Only those: U+0080 is not how Windows-1252 shows 0x80
  // (it shows €), so it means the text was read as ISO-8859-1.
  if (name !== 'macintosh') {
    for (const byte of lostBytes) if (byte >= 0x80 && byte <= 0x9f) toByte[byte] = byte;
  }
  for (const [unit, byte] of alternativeChars[name]) toByte[unit] = byte;
  const only = lostBytes.length === 1 ? lostBytes[0] : undefined;
  toByte[0xfffd] = only ?? (lostBytes.length > 1 ? UNKNOWN_BYTE : NOT_IN_CODEPAGE);
  return { name, toByte, lostBytes, nbspIsA0: chars.charCodeAt(0xa0) === 0xa0 };
}

/** The reverse table of a codepage, built on first use (a 128 KB array) and kept. */
export function codepageTable(name: MojibakeCodepage): CodepageTable {
  let table = tables.get(name);
  if (table === undefined) {
    table = buildTable(name);
    tables.set(name, table);
  }
  return table;
}

/**
 * Decodes bytes as Windows-1252. The five bytes Windows leaves undefined become the C1 control of
 * the same value instead of U+FFFD, so no byte is lost: if the file is really UTF-8 in part, the
 * mojibake repair can still map every character back to its byte.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  if (windows1252Forward === undefined) {
    const chars = allBytesAs('windows-1252');
    windows1252Forward = Array.from(chars, (char, byte) => (char === '\ufffd' ? String.fromCharCode(byte) : char));
  }
  let text = '';
  for (const byte of bytes) text += windows1252Forward[byte] ?? '';
  return text;
}
