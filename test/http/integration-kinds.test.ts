import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: KindProperty }> } }>>;
}
interface KindProperty {
  properties: { kind: { enum: string[] } };
}

describe.each(testBackends)('the kinds of integration on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)(
    'lists every kind of the table with where its senders call and the settings it needs, to a viewer',
    async () => {
      const response = await t.call('GET', '/api/v1/integrations/kinds', { token: t.users.viewer.token });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual([
        { kind: 'prometheus', endpoint: '/api/v2/alerts', settings: [] },
        { kind: 'alertmanager', endpoint: '/integrations/alertmanager', settings: [] },
        { kind: 'pagerduty', endpoint: '/v2/enqueue', settings: [] },
        { kind: 'webhook', endpoint: '/integrations/webhook', settings: ['mapping'] },
        { kind: 'heartbeat', endpoint: '/integrations/heartbeat/{key}', settings: ['heartbeat'] },
      ]);
    },
  );

  it.skipIf(!available)('refuses an integration of an unknown kind with a 400 naming the kind field', async () => {
    const response = await t.call('POST', '/api/v1/integrations', { body: { name: 'nagios', kind: 'nagios' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues).toContainEqual(expect.objectContaining({ path: '/kind' }));
  });

  it.skipIf(!available)(
    'documents the kinds of the table as the kind enum of a new integration in OpenAPI',
    async () => {
      const doc = (await t.call('GET', '/api/v1/openapi.json', { token: null })).json<OpenApiDocument>();
      const create = doc.paths['/api/v1/integrations']?.['post']?.requestBody.content['application/json'];
      expect(create?.schema.properties.kind.enum).toEqual([
        'prometheus',
        'alertmanager',
        'pagerduty',
        'webhook',
        'heartbeat',
      ]);
    },
  );

  it.skipIf(!available)('refuses a setting that belongs to another kind, naming the kinds that have it', async () => {
    const response = await t.call('POST', '/api/v1/integrations', {
      body: { name: 'prom with a period', kind: 'prometheus', settings: { heartbeat: { periodSeconds: 60 } } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues).toEqual([
      { path: '/settings/heartbeat', message: 'only heartbeat integrations have a period' },
    ]);
  });
});
