import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { encryptSecret, decryptSecret } from '../../src/execution/secrets/secret-crypto.js';
import { ChannelConfigSchema, type ChannelConfig } from '../../src/notifications/channel-kinds.js';
import { NotificationRecipientSchema } from '../../src/notifications/channel-model.js';
import {
  channelSecretPaths,
  mapChannelSecrets,
  redactChannelConfig,
  redactedSecret,
  restoreRedactedSecrets,
} from '../../src/notifications/channel-secrets.js';

const configs: Record<ChannelConfig['kind'], ChannelConfig> = {
  email: {
    kind: 'email',
    host: 'smtp.example.com',
    port: 587,
    secure: false,
    requireTls: true,
    auth: { user: 'astreinte', password: 'smtp-pass' },
    from: 'Astreinte <astreinte@example.com>',
  },
  webhook: {
    kind: 'webhook',
    url: 'https://hooks.example.com/astreinte',
    secret: 'whsec-0123456789abcdef',
    headers: { Authorization: 'Bearer x' },
  },
  slack: { kind: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXX' },
  mattermost: {
    kind: 'mattermost',
    url: 'https://chat.example.com/hooks/abc123',
    channel: 'incidents',
    username: 'astreinte',
  },
  teams: {
    kind: 'teams',
    url: 'https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t',
  },
  sms: {
    kind: 'sms',
    baseUrl: 'https://api.twilio.com',
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 'twilio-token',
    from: '+33700000000',
  },
};

describe('channel configurations', () => {
  it.each(Object.values(configs))('accepts a valid $kind configuration', (config) => {
    expect(Value.Check(ChannelConfigSchema, config)).toBe(true);
  });

  it.each([
    { ...configs.email, port: 0 },
    { ...configs.email, from: 'Astreinte\r\nBcc: victim@example.com' },
    { ...configs.webhook, url: 'ftp://files.example.com/x' },
    { ...configs.webhook, secret: 'short' },
    { ...configs.webhook, headers: { 'X-Bad Name': 'x' } },
    { ...configs.webhook, headers: { 'X-Injected': 'a\r\nHost: evil' } },
    { ...configs.slack, extra: true },
    { ...configs.sms, from: '+33700000000garbage' },
    { ...configs.sms, accountSid: '../../admin' },
    { kind: 'pager', url: 'https://x' },
  ])('refuses an invalid configuration (%#)', (config) => {
    expect(Value.Check(ChannelConfigSchema, config)).toBe(false);
  });

  it('accepts per-user contacts in E.164 and refuses other phone spellings', () => {
    expect(
      Value.Check(NotificationRecipientSchema, {
        email: 'alice@example.com',
        phone: '+33612345678',
        timeZone: 'Europe/Paris',
        locale: 'fr',
      }),
    ).toBe(true);
    expect(Value.Check(NotificationRecipientSchema, { phone: '06 12 34 56 78' })).toBe(false);
    expect(Value.Check(NotificationRecipientSchema, { locale: 'de' })).toBe(false);
  });

  it('marks the credentials of each kind as secrets', () => {
    expect(channelSecretPaths).toEqual({
      email: ['/auth/password'],
      webhook: ['/secret'],
      slack: ['/url'],
      mattermost: ['/url'],
      teams: ['/url'],
      sms: ['/authToken'],
    });
  });

  it('lets storage seal and open the secrets, bound to their field', () => {
    const key = Buffer.alloc(32, 3);
    const sealed = mapChannelSecrets(configs.email, (value, path) => encryptSecret(value, key, `channel:c-1${path}`));
    expect(sealed).toMatchObject({ host: 'smtp.example.com', auth: { user: 'astreinte' } });
    expect(sealed.kind === 'email' && sealed.auth?.password).toMatch(/^v1\./);
    expect(configs.email.kind === 'email' && configs.email.auth?.password).toBe('smtp-pass');
    expect(mapChannelSecrets(sealed, (value, path) => decryptSecret(value, key, `channel:c-1${path}`))).toEqual(
      configs.email,
    );
    expect(mapChannelSecrets({ ...configs.email, auth: undefined }, () => 'never')).toEqual({
      ...configs.email,
      auth: undefined,
    });
  });

  it('redacts secrets for display, keeping the origin of secret URLs', () => {
    expect(redactChannelConfig(configs.email)).toEqual({
      ...configs.email,
      auth: { user: 'astreinte', password: redactedSecret },
    });
    expect(redactChannelConfig(configs.webhook)).toEqual({ ...configs.webhook, secret: redactedSecret });
    expect(redactChannelConfig(configs.slack)).toEqual({
      kind: 'slack',
      url: `https://hooks.slack.com/${redactedSecret}`,
    });
    expect(redactChannelConfig(configs.teams)).toEqual({
      kind: 'teams',
      url: `https://prod-00.westeurope.logic.azure.com/${redactedSecret}`,
    });
    expect(redactChannelConfig(configs.sms)).toEqual({ ...configs.sms, authToken: redactedSecret });
    expect(JSON.stringify(Object.values(configs).map(redactChannelConfig))).not.toMatch(
      /smtp-pass|whsec|XXXX|abc123|s3cr3t|twilio-token/,
    );
  });

  it('keeps the stored secret when an update sends back the redacted value', () => {
    const shown = redactChannelConfig(configs.email);
    const edited = { ...shown, port: 2525 };
    expect(restoreRedactedSecrets(edited, configs.email)).toEqual({ ...configs.email, port: 2525 });
    const newPassword = { ...shown, auth: { user: 'astreinte', password: 'new-pass' } };
    expect(restoreRedactedSecrets(newPassword, configs.email)).toEqual({
      ...configs.email,
      auth: { user: 'astreinte', password: 'new-pass' },
    });
    expect(restoreRedactedSecrets(redactChannelConfig(configs.slack), configs.slack)).toEqual(configs.slack);
    expect(
      restoreRedactedSecrets({ kind: 'slack', url: 'https://hooks.slack.com/services/NEW' }, configs.slack),
    ).toEqual({ kind: 'slack', url: 'https://hooks.slack.com/services/NEW' });
  });
});
