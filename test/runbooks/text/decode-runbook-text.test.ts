import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/app-error.js';
import { decodeRunbookText, normalizeLineEndings } from '../../../src/runbooks/text/decode-runbook-text.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytesOf = (...parts: (number[] | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => [...part]));

function refusalOf(bytes: Uint8Array): AppError {
  try {
    decodeRunbookText(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the bytes were accepted');
}

function expectRefused(bytes: Uint8Array, reason: RegExp): void {
  const error = refusalOf(bytes);
  expect(error.code).toBe('validation_failed');
  expect(error.message).toMatch(reason);
  expect(error.details).toEqual({ issues: [{ path: '/content', message: expect.stringMatching(reason) }] });
}

describe('decodeRunbookText', () => {
  it('reads plain UTF-8 and reports it, returning the text unchanged', () => {
    const text = '# Runbook\n\nDonnées — 5 € ✅ 🚨 日本語\n';
    expect(decodeRunbookText(utf8(text))).toEqual({
      text,
      encoding: 'utf-8',
      lineEndings: 'lf',
      repairs: { codepage: null, count: 0, examples: [], unrepaired: 0 },
    });
  });

  it('strips a UTF-8 byte-order mark and reports utf-8-bom', () => {
    const decoded = decodeRunbookText(bytesOf([0xef, 0xbb, 0xbf], utf8('Données\n')));
    expect(decoded.text).toBe('Données\n');
    expect(decoded.encoding).toBe('utf-8-bom');
  });

  it('reads UTF-16 little-endian and big-endian files with a byte-order mark', () => {
    const text = 'Données 🚨\r\nà Zürich\r\n';
    const le = bytesOf([0xff, 0xfe], Buffer.from(text, 'utf16le'));
    const be = bytesOf([0xfe, 0xff], Buffer.from(text, 'utf16le').swap16());
    expect(decodeRunbookText(le)).toMatchObject({
      text: 'Données 🚨\nà Zürich\n',
      encoding: 'utf-16le',
      lineEndings: 'crlf',
    });
    expect(decodeRunbookText(be)).toMatchObject({
      text: 'Données 🚨\nà Zürich\n',
      encoding: 'utf-16be',
      lineEndings: 'crlf',
    });
  });

  it('normalises CRLF, lone CR and mixed line endings to LF and says which it found', () => {
    expect(decodeRunbookText(utf8('a\r\nb\r\n'))).toMatchObject({ text: 'a\nb\n', lineEndings: 'crlf' });
    expect(decodeRunbookText(utf8('a\rb\r'))).toMatchObject({ text: 'a\nb\n', lineEndings: 'cr' });
    expect(decodeRunbookText(utf8('a\r\nb\nc\rd'))).toMatchObject({ text: 'a\nb\nc\nd', lineEndings: 'mixed' });
    expect(normalizeLineEndings('no break at all')).toEqual({ text: 'no break at all', lineEndings: 'lf' });
  });

  it('decodes a file saved in Windows-1252 and reports it', () => {
    const decoded = decodeRunbookText(bytesOf(utf8('Donn'), [0xe9], utf8('es')));
    expect(decoded).toMatchObject({ text: 'Données', encoding: 'windows-1252' });
    expect(decodeRunbookText(bytesOf([0xe9, 0x74, 0xe9]))).toMatchObject({ text: 'été', encoding: 'windows-1252' });
    const text = 'Données dégradées — coût 5 € “guillemets” l’équipe à Zürich\r\n';
    expect(decodeRunbookText(iconv.encode(text, 'windows-1252'))).toMatchObject({
      text: text.replace('\r\n', '\n'),
      encoding: 'windows-1252',
      lineEndings: 'crlf',
      repairs: { count: 0 },
    });
  });

  it('decodes a Windows-1252 file with UTF-8 pasted into it, repairing the pasted part', () => {
    const bytes = bytesOf(iconv.encode('Données (Windows) ', 'windows-1252'), utf8('Données (UTF-8) ✅'));
    const decoded = decodeRunbookText(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('Données (Windows) Données (UTF-8) ✅');
    expect(decoded.repairs).toMatchObject({ codepage: 'windows-1252', count: 2 });
  });

  it('refuses a PNG image, a ZIP archive and a PDF with a 400 on /content', () => {
    expectRefused(
      bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      /PNG image/,
    );
    expectRefused(bytesOf([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), /ZIP archive/);
    expectRefused(utf8('%PDF-1.7\n%âãÏÓ\n'), /PDF document/);
  });

  it('refuses a file with NUL bytes, suggesting UTF-16 without a byte-order mark', () => {
    expectRefused(utf8('# Runbook\0\0 binary'), /NUL bytes.*UTF-16 without a byte-order mark/);
    expectRefused(Buffer.from('# Runbook', 'utf16le'), /NUL bytes/);
  });

  it('refuses bytes that are neither UTF-8 nor plausible 8-bit text', () => {
    const noise = Uint8Array.from({ length: 512 }, (_, i) => (i * 167 + 13) % 256).filter((byte) => byte !== 0);
    expectRefused(noise, /neither valid UTF-8 nor a plausible 8-bit text/);
    const cyrillic = iconv.encode(
      'Перезапустить базу данных, затем проверить журналы сервера и мониторинг.',
      'windows-1251',
    );
    expectRefused(cyrillic, /neither valid UTF-8 nor a plausible 8-bit text/);
  });

  it('refuses a byte-order mark followed by bytes that do not match it', () => {
    expectRefused(bytesOf([0xef, 0xbb, 0xbf], utf8('ok '), [0xe9]), /UTF-8 byte-order mark but is not valid UTF-8/);
    expectRefused(bytesOf([0xff, 0xfe], [0x41]), /UTF-16LE byte-order mark/);
  });

  it('accepts an empty file as empty UTF-8 text', () => {
    expect(decodeRunbookText(new Uint8Array())).toMatchObject({ text: '', encoding: 'utf-8', lineEndings: 'lf' });
  });

  it('drops a misread byte-order mark at the start of a repaired text', () => {
    const damaged = iconv.decode(Buffer.from('\ufeff# Données ✅', 'utf8'), 'windows-1252');
    expect(damaged.startsWith('ï»¿')).toBe(true);
    expect(decodeRunbookText(utf8(damaged)).text).toBe('# Données ✅');
  });
});
