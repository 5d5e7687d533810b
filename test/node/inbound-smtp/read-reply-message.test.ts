import { describe, expect, it } from 'vitest';
import { readReplyMessage } from '../../../src/node/inbound-smtp/read-reply-message.js';

const message = (headers: string, body: string): Buffer =>
  Buffer.from(
    `From: Alice <alice@example.com>\r\nTo: ack+1.x@replies.example.com\r\nSubject: Re: page\r\n${headers}\r\n${body}`,
  );

describe('reading a reply', () => {
  it('finds the sender and the first line the person wrote, past blank and quoted lines', async () => {
    const read = await readReplyMessage(message('', '\r\n> earlier\r\n  resolve  \r\nthanks\r\n'));
    expect(read).toEqual({ headerFrom: ['alice@example.com'], automatic: false, firstLine: 'resolve' });
  });

  it('reads an HTML-only reply as text', async () => {
    const read = await readReplyMessage(
      message('Content-Type: text/html; charset=utf-8\r\n', '<div>RESOLVE</div><blockquote>page</blockquote>'),
    );
    expect(read.firstLine).toBe('RESOLVE');
  });

  it('tells machine answers apart: Auto-Submitted, Precedence bulk, X-Autoreply; Auto-Submitted: no is a person', async () => {
    for (const header of ['Auto-Submitted: auto-replied\r\n', 'Precedence: bulk\r\n', 'X-Autoreply: yes\r\n'])
      expect((await readReplyMessage(message(header, 'away'))).automatic, header).toBe(true);
    expect((await readReplyMessage(message('Auto-Submitted: no\r\n', 'ok'))).automatic).toBe(false);
  });

  it('lists every address of a From header with several', async () => {
    const raw = Buffer.from('From: alice@example.com, bob@example.com\r\nSubject: x\r\n\r\nok');
    expect((await readReplyMessage(raw)).headerFrom).toEqual(['alice@example.com', 'bob@example.com']);
  });
});
