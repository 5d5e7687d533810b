import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { channelKindNames, channelKinds } from '../../src/notifications/channel-kinds.js';
import { listChannelKinds } from '../../src/notifications/list-channel-kinds.js';
import type { Ctx } from '../../src/core/context.js';
import { configOf, fieldsOf, hintOf, initialValues, type SchemaNode } from '../../web/src/channels/schema-fields.js';

const adminCtx = {
  actor: { type: 'user', id: 'u1', name: 'Ada', role: 'admin' },
  requestId: 'test',
  now: () => new Date(),
} as unknown as Ctx;
const kinds = listChannelKinds({ ctx: adminCtx });
const schemaOf = (kind: string) => kinds.find((info) => info.kind === kind)!.schema as SchemaNode;

describe("the channel form's fields, read from the kinds' schemas", () => {
  it('finds one field per setting of every kind, credentials marked as the server marks them', () => {
    for (const kind of channelKindNames) {
      const fields = fieldsOf(schemaOf(kind));
      expect(fields.map((field) => field.path)).not.toContain('/kind');
      expect(fields.filter((field) => field.secret).map((field) => field.path)).toEqual(
        kinds.find((info) => info.kind === kind)!.secretPaths,
      );
    }
  });

  it('gives every hint of every kind in French too, and shows each reader their language', () => {
    for (const kind of channelKindNames)
      for (const field of fieldsOf(schemaOf(kind)).filter((field) => field.node.description !== undefined))
        expect(field.node['x-description-fr'], `${kind} ${field.path}`).toMatch(/\S/);
    const secret = fieldsOf(schemaOf('webhook')).find((field) => field.path === '/secret')!.node;
    expect(hintOf(secret, 'en')).toBe('HMAC-SHA256 key the receiver verifies X-Astreinte-Signature with');
    expect(hintOf(secret, 'fr')).toBe('clé HMAC-SHA256 avec laquelle le destinataire vérifie X-Astreinte-Signature');
    expect(hintOf({ description: 'only English' }, 'fr')).toBe('only English');
  });

  it("builds an e-mail configuration the server's schema accepts, leaving out the optional login when empty", () => {
    const fields = fieldsOf(schemaOf('email'));
    expect(fields.find((field) => field.path === '/auth/password')).toMatchObject({ secret: true, group: '/auth' });
    const values = {
      ...initialValues(fields, undefined),
      '/host': 'smtp.example.com',
      '/port': '587',
      '/from': 'Astreinte <a@example.com>',
    };
    const config = configOf('email', fields, values, undefined);
    expect(config).toEqual({
      kind: 'email',
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      requireTls: false,
      allowInvalidCertificates: false,
      from: 'Astreinte <a@example.com>',
    });
    expect(Value.Check(channelKinds.email.schema, config)).toBe(true);
  });

  it('sends a stored secret left empty back as ******** (kept), and never shows it', () => {
    const stored = { kind: 'webhook', url: 'https://hooks.example.com/x', secret: '********' };
    const fields = fieldsOf(schemaOf('webhook'));
    const values = initialValues(fields, stored);
    expect(values['/secret']).toBe('');
    expect(values['/url']).toBe('https://hooks.example.com/x');
    expect(configOf('webhook', fields, values, stored)).toEqual({ ...stored, secret: '********' });
    expect(configOf('webhook', fields, { ...values, '/secret': 'a-new-secret-long-enough' }, stored)).toMatchObject({
      secret: 'a-new-secret-long-enough',
    });
    // Nothing stored: an empty secret is left out, for the server to say it is required.
    expect(configOf('webhook', fields, values, undefined)).not.toHaveProperty('secret');
  });

  it("sends a map (a webhook's headers) as JSON, or as typed when it does not parse", () => {
    const fields = fieldsOf(schemaOf('webhook'));
    const base = initialValues(fields, undefined);
    expect(configOf('webhook', fields, { ...base, '/headers': '{"X-Team": "ops"}' }, undefined)).toMatchObject({
      headers: { 'X-Team': 'ops' },
    });
    expect(configOf('webhook', fields, { ...base, '/headers': '{oops' }, undefined)).toMatchObject({
      headers: '{oops',
    });
  });
});
