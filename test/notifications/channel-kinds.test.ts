import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { contactOf, type PersonContacts } from '../../src/notifications/channel-kind-definition.js';
import {
  ChannelConfigSchema,
  channelKind,
  channelKindNames,
  channelKinds,
  ChannelKindSchema,
} from '../../src/notifications/channel-kinds.js';
import { hasIdempotencyKey } from '../../src/notifications/store/dispatch-send.js';
import { renderNotification } from '../../src/notifications/templates/render-notification.js';
import { fullVars } from './notification-fixtures.js';

const alice: PersonContacts = { id: 'u-1', email: 'alice@example.com', phone: '+33612345678', chatHandle: '@alice' };

describe('the channel kinds table', () => {
  // Only the first six: a kind added later is one more row, and must not need this test changed.
  it('lists the six original kinds first, in the order the API has always shown them', () => {
    expect(channelKindNames.slice(0, 6)).toEqual(['email', 'webhook', 'slack', 'mattermost', 'teams', 'sms']);
    expect(Value.Check(ChannelKindSchema, 'teams')).toBe(true);
    expect(Value.Check(ChannelKindSchema, 'pager')).toBe(false);
  });

  it.each(channelKindNames)('gives the %s row a schema whose kind is the row’s own name', (kind) => {
    expect(channelKinds[kind].schema.properties.kind.const).toBe(kind);
    expect(ChannelConfigSchema.anyOf).toContain(channelKinds[kind].schema);
  });

  it('marks e-mail and webhooks as safe to send again after a lost node, and the others not', () => {
    const kinds = ['email', 'webhook', 'slack', 'mattermost', 'teams', 'sms'] as const;
    expect(kinds.filter(hasIdempotencyKey)).toEqual(['email', 'webhook']);
  });

  it('addresses each kind to the contact its row names', () => {
    const addresses = Object.fromEntries(
      channelKindNames.map((kind) => [kind, contactOf(channelKind(kind).contact, alice)]),
    );
    expect(addresses).toMatchObject({
      email: 'alice@example.com',
      webhook: 'u-1',
      slack: '@alice',
      mattermost: '@alice',
      teams: '@alice',
      sms: '+33612345678',
    });
  });

  it('addresses chat posts to the e-mail of a person without a chat handle, and SMS to nobody without a phone', () => {
    const bob: PersonContacts = { id: 'u-2', email: 'bob@example.com', phone: null, chatHandle: null };
    expect(contactOf(channelKind('slack').contact, bob)).toBe('bob@example.com');
    expect(contactOf(channelKind('sms').contact, bob)).toBeNull();
  });

  it('renders each kind in the message format its row names', () => {
    const render = (channel: (typeof channelKindNames)[number]) =>
      renderNotification({ kind: 'triggered', locale: 'en', channel, vars: fullVars });
    expect(render('email').html).toContain('<!DOCTYPE html>');
    expect(render('sms').text.length).toBeLessThanOrEqual(160);
    expect(render('slack').text).toContain(`<${fullVars.incidentUrl}|`);
    for (const kind of ['mattermost', 'teams', 'webhook'] as const)
      expect(render(kind).text).toContain(`](${fullVars.incidentUrl})`);
  });
});
