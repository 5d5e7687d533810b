import { describe, expect, it } from 'vitest';
import { channelKindNames } from '../../src/notifications/channel-kinds.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const secretKey = 'cd'.repeat(32);

describe.each(testBackends)('notification channel kinds in the API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey } });

  it.skipIf(!available)('refuses a channel of a kind the table does not have, naming the field', async () => {
    const response = await t.call('PUT', '/api/v1/notification-channels/pager', {
      body: { name: 'Pager', config: { kind: 'pager', url: 'https://pager.example.com' } },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toContain('/config/kind');
    expect((await t.call('GET', '/api/v1/notification-channels')).json()).toEqual([]);
  });

  it.skipIf(!available)('refuses a notification rule on a kind the table does not have', async () => {
    const response = await t.call('PUT', `/api/v1/users/${t.users.responder.id}/notification-rules`, {
      token: t.users.responder.token,
      body: { rules: [{ channel: 'pager', delayMinutes: 0 }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues.map((issue: { path: string }) => issue.path)).toContain('/rules/0/channel');
  });

  it.skipIf(!available)('stores a channel of a kind the table has and shows its kind', async () => {
    const response = await t.call('PUT', '/api/v1/notification-channels/ops-teams', {
      body: { name: 'Ops', config: { kind: 'teams', url: 'https://teams.example.com/flow?sig=s3cr3t' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'teams' });
    expect(response.body).not.toContain('s3cr3t');
  });

  it.skipIf(!available)('documents in OpenAPI one configuration per row of the table', async () => {
    const doc = (await t.call('GET', '/api/v1/openapi.json', { token: null })).json();
    const put = doc.paths['/api/v1/notification-channels/{id}'].put;
    const config = put.requestBody.content['application/json'].schema.properties.config;
    // The OpenAPI document spells a TypeBox literal `enum: [kind]`.
    const kinds = config.anyOf.map(
      (schema: { properties: { kind: { enum: string[] } } }) => schema.properties.kind.enum[0],
    );
    expect(kinds).toEqual(channelKindNames);
    const rules = doc.paths['/api/v1/users/{id}/notification-rules'].put.requestBody.content['application/json'].schema;
    expect(rules.properties.rules.items.properties.channel.enum).toEqual(channelKindNames);
    const template = doc.paths['/api/v1/notification-templates/{kind}/{locale}/{channel}'].put;
    const channel = template.parameters.find((parameter: { name: string }) => parameter.name === 'channel');
    expect(channel.schema.enum).toEqual(channelKindNames);
  });
});
