import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { closedBreaker } from '../../../src/notifications/circuit-breaker.js';
import { replyAddressOf } from '../../../src/notifications/replies/page-reply-address.js';
import type { DeliveryContext } from '../../../src/notifications/store/delivery-context.js';
import { renderNotification } from '../../../src/notifications/templates/render-notification.js';
import { fullVars } from '../notification-fixtures.js';

const now = new Date('2026-03-14T03:00:00Z');
const deps = { secretKey: randomBytes(32), replyDomain: 'replies.example.com' };
const page: DeliveryContext = {
  id: 'page.INC-42.g1.c0.l0.u.0',
  status: 'pending',
  attempts: 0,
  kind: 'page',
  message: { kind: 'page', level: 1 },
  channelId: 'smtp',
  channelConfig: { kind: 'email', host: 'smtp.example.com', port: 587, secure: false, from: 'a@example.com' },
  breaker: closedBreaker,
  incident: {
    id: 'INC-42',
    title: 'Checkout failing',
    severity: 'P1',
    status: 'triggered',
    summary: '',
    services: [],
    openedAt: now,
  },
  recipient: { userId: '0b9f3c52-7d2e-4a8f-9c1e-5a6b7c8d9e0f', name: 'Alice', email: 'alice@example.com' },
};

describe('the reply address of a delivery', () => {
  it('is given to a page by e-mail to a known person when replies have a domain and a key', () => {
    expect(replyAddressOf(page, deps, now).replyTo).toMatch(/^ack\+42\.[a-z2-7]{26}@replies\.example\.com$/);
  });

  it('is not given to a status reminder, another channel, an unknown person, or without a domain or key', () => {
    expect(replyAddressOf({ ...page, message: { kind: 'status_reminder' } }, deps, now)).toEqual({});
    const sms = { ...page, channelConfig: { kind: 'sms', accountSid: 'AC1', authToken: 't', from: '+33100000000' } };
    expect(replyAddressOf(sms as DeliveryContext, deps, now)).toEqual({});
    expect(replyAddressOf({ ...page, recipient: { name: 'someone', email: 'x@example.com' } }, deps, now)).toEqual({});
    expect(replyAddressOf(page, { secretKey: deps.secretKey }, now)).toEqual({});
    expect(replyAddressOf(page, { ...deps, secretKey: null }, now)).toEqual({});
  });
});

describe('a page e-mail with a reply address', () => {
  it('tells what replying does, in the recipient language, and says nothing of it without one', () => {
    const vars = { ...fullVars, replyTo: 'ack+42.abc@replies.example.com' };
    const english = renderNotification({ kind: 'triggered', locale: 'en', channel: 'email', vars });
    expect(english.text).toContain(
      'Or reply to this e-mail: any answer acknowledges, RESOLVE on its first line resolves.',
    );
    expect(english.html).toContain('<p>Or reply to this e-mail');
    const french = renderNotification({ kind: 'escalated', locale: 'fr', channel: 'email', vars });
    expect(french.text).toContain('Ou répondez à cet e-mail');
    const without = renderNotification({ kind: 'triggered', locale: 'en', channel: 'email', vars: fullVars });
    expect(without.text).not.toContain('reply to this e-mail');
    const reminder = renderNotification({ kind: 'status_reminder', locale: 'en', channel: 'email', vars });
    expect(reminder.text).not.toContain('reply to this e-mail');
  });
});
