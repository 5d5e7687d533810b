import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('editing and previewing notification templates on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('shows the default parts and no override before an admin saves one', async () => {
    const response = await t.call('GET', '/api/v1/notification-templates/triggered/fr/email');
    expect(response.statusCode, response.body).toBe(200);
    const editing = response.json();
    expect(editing).toMatchObject({ kind: 'triggered', locale: 'fr', channel: 'email', override: null });
    expect(editing.defaults.subject).toContain('{{incidentId}}');
    expect(Object.keys(editing.variables)).toContain('ackUrl');
  });

  it.skipIf(!available)('shows the parts an admin saved next to the defaults', async () => {
    const saved = await t.call('PUT', '/api/v1/notification-templates/resolved/en/slack', {
      body: { template: { markdown: 'Done: {{title}}' } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const editing = (await t.call('GET', '/api/v1/notification-templates/resolved/en/slack')).json();
    expect(editing.override).toEqual({ markdown: 'Done: {{title}}' });
  });

  it.skipIf(!available)('renders an e-mail with the sample incident, HTML escaped, without saving', async () => {
    const response = await t.call('POST', '/api/v1/notification-templates/preview', {
      body: {
        kind: 'triggered',
        locale: 'en',
        channel: 'email',
        template: { subject: '[{{severity}}] {{incidentId}}', html: '<p>{{title}} & {{summary}}</p>' },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ format: 'email', subject: '[P1] INC-42', smsMaxLength: 160 });
    expect(preview.html).toContain('<p>Checkout API returns 502');
    const editing = (await t.call('GET', '/api/v1/notification-templates/triggered/en/email')).json();
    expect(editing.override).toBeNull();
  });

  it.skipIf(!available)('fits an SMS to one segment and says how long a segment is', async () => {
    const response = await t.call('POST', '/api/v1/notification-templates/preview', {
      body: { kind: 'escalated', locale: 'fr', channel: 'sms', template: {} },
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.format).toBe('sms');
    expect(preview.text.length).toBeLessThanOrEqual(preview.smsMaxLength);
    expect(preview.text).toContain('INC-42');
  });

  it.skipIf(!available)('refuses a template with an unknown variable, naming the part as a save would', async () => {
    const response = await t.call('POST', '/api/v1/notification-templates/preview', {
      body: { kind: 'triggered', locale: 'en', channel: 'sms', template: { short: '{{incidnetId}} down' } },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(['/template/short']);
  });

  it.skipIf(!available)(
    'lists the kinds, languages and channels a template is chosen by, with their formats',
    async () => {
      const choices = (await t.call('GET', '/api/v1/notification-templates/choices')).json();
      expect(choices.kinds).toContain('status_reminder');
      expect(choices.locales).toEqual(expect.arrayContaining(['en', 'fr']));
      expect(choices.channels).toContainEqual(expect.objectContaining({ kind: 'sms', format: 'sms' }));
    },
  );

  it.skipIf(!available)('keeps template previews and reading to admins', async () => {
    const read = await t.call('GET', '/api/v1/notification-templates/triggered/en/sms', {
      token: t.users.responder.token,
    });
    expect(read.statusCode).toBe(403);
    const preview = await t.call('POST', '/api/v1/notification-templates/preview', {
      token: t.users.responder.token,
      body: { kind: 'triggered', locale: 'en', channel: 'sms', template: {} },
    });
    expect(preview.statusCode).toBe(403);
  });
});
