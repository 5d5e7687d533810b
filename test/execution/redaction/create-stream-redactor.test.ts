import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/execution/redaction/create-redactor.js';
import { createStreamRedactor, type StreamRedactor } from '../../../src/execution/redaction/create-stream-redactor.js';

const hunter = { name: 'pw', value: 'hunter2!' };
const staple = { name: 'passphrase', value: 'correct-horse-battery-staple' };
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function feed(stream: StreamRedactor, chunks: readonly string[]): string[] {
  return [...chunks.map((chunk) => stream.push(chunk)), stream.flush()];
}

/** `text` cut into `count` pieces of about equal length. */
function cut(text: string, count: number): string[] {
  const size = Math.ceil(text.length / count);
  return Array.from({ length: count }, (_, i) => text.slice(i * size, (i + 1) * size));
}

describe('createStreamRedactor', () => {
  it('emits a chunk at once when no tail of it could begin a secret', () => {
    const stream = createStreamRedactor(createRedactor([hunter]));
    expect(stream.push('status: OK\n')).toBe('status: OK\n');
    expect(stream.heldBack).toBe(0);
  });

  it('holds back only the tail that could begin a secret, and lets it go when it does not', () => {
    const stream = createStreamRedactor(createRedactor([hunter]));
    expect(stream.push('login hun')).toBe('login ');
    expect(stream.heldBack).toBe(3);
    expect(stream.push('gry\n')).toBe('hungry\n');
    expect(stream.heldBack).toBe(0);
  });

  it('passes everything through at once when there are no secrets', () => {
    const stream = createStreamRedactor(createRedactor([]));
    expect(feed(stream, ['a', 'bc', '%2'])).toEqual(['a', 'bc', '%2', '']);
  });

  for (const count of [2, 3, 10]) {
    it(`redacts a secret split across ${count} chunks`, () => {
      const stream = createStreamRedactor(createRedactor([staple]));
      const pieces = feed(stream, ['before ', ...cut(staple.value, count), ' after']);
      expect(pieces.join('')).toBe('before [REDACTED:passphrase] after');
      for (const piece of pieces) expect(piece).not.toContain('correct-');
    });
  }

  it('redacts a URL-encoded secret cut in the middle of its percent escapes', () => {
    const secret = { name: 'db', value: 'p@ss word/é&x' };
    const encoded = encodeURIComponent(secret.value);
    const stream = createStreamRedactor(createRedactor([secret]));
    const pieces = feed(stream, ['GET /?p=p%4', '0ss%20word%2', 'F%C3%', 'A9%26x HTTP/1.1']);
    expect(encoded).toBe('p%40ss%20word%2F%C3%A9%26x');
    expect(pieces.join('')).toBe('GET /?p=[REDACTED:db] HTTP/1.1');
  });

  it('writes the label as soon as a secret ends and swallows an overlapping one that follows', () => {
    const redactor = createRedactor([
      { name: 'first', value: 'abcdef' },
      { name: 'second', value: 'defghi' },
    ]);
    expect(feed(createStreamRedactor(redactor), ['<abc', 'def', 'ghi>'])).toEqual(['<', '[REDACTED:first]', '>', '']);
  });

  it('keeps its delay bounded on an endless run of a repeated-character secret', () => {
    const redactor = createRedactor([{ name: 'pin', value: '0000' }]);
    const stream = createStreamRedactor(redactor);
    let out = stream.push('id=');
    for (let i = 0; i < 2000; i += 1) {
      out += stream.push('0000000');
      expect(stream.heldBack).toBeLessThan(redactor.maxMatchLength);
    }
    expect(out + stream.push(' ok') + stream.flush()).toBe('id=[REDACTED:pin] ok');
  });

  it('gives back a held false start on flush, and starts afresh after it', () => {
    const stream = createStreamRedactor(createRedactor([hunter]));
    expect(stream.push('tail: hunt')).toBe('tail: ');
    expect(stream.flush()).toBe('hunt');
    expect(stream.heldBack).toBe(0);
    expect(feed(stream, ['er2! is not', ' hunter2!'])).toEqual(['er2! is not', ' [REDACTED:pw]', '']);
  });

  it('keeps emoji around and inside secrets whole when chunks end on whole characters', () => {
    const redactor = createRedactor([{ name: 'k', value: 's3cr3t-🔑' }]);
    const text = '🔥s3cr3t-🔑🚀 done 😀 s3cr3t-😀';
    const pieces = feed(createStreamRedactor(redactor), [...text]);
    for (const piece of pieces) expect(piece).not.toMatch(loneSurrogate);
    expect(pieces.join('')).toBe('🔥[REDACTED:k]🚀 done 😀 s3cr3t-😀');
  });

  it('still redacts when a chunk ends inside a surrogate pair, the caller having split it', () => {
    const redactor = createRedactor([{ name: 'k', value: 's3cr3t-🔑' }]);
    const pieces = feed(createStreamRedactor(redactor), ['🔥s3cr3t-\uD83D', '\uDD11🚀']);
    expect(pieces.join('')).toBe('🔥[REDACTED:k]🚀');
  });

  it('redacts a Basic auth header split across chunks', () => {
    const redactor = createRedactor([hunter]);
    const header = `Authorization: Basic ${Buffer.from('deploy:hunter2!').toString('base64')}\r\n`;
    expect(feed(createStreamRedactor(redactor), cut(header, 9)).join('')).toBe(redactor.redact(header));
    expect(redactor.redact(header)).toContain('[REDACTED:pw]');
  });
});
