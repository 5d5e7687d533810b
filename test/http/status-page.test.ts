import { describe, expect, it } from 'vitest';
import { testBackends } from '../support/test-database.js';
import { useTestApp } from '../support/test-app.js';

interface PublicPage {
  status: string;
  components: {
    id: string;
    name: string;
    status: string;
    history: { date: string; status: string }[];
    uptimePercent: number;
  }[];
  incidents: {
    id: string;
    components: string[];
    impact: string;
    phase: string;
    resolvedAt: string | null;
    updates: { phase: string; message: string }[];
  }[];
}

describe.each(testBackends)('the public status page on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)(
    'shows public services and their incidents with public updates only, without signing in, and then their resolution',
    async () => {
      await t.call('POST', '/api/v1/services', { body: { id: 'payments', name: 'Payments', public: true } });
      await t.call('POST', '/api/v1/services', { body: { id: 'billing-db', name: 'Billing database (internal)' } });
      const page = async (): Promise<PublicPage> => {
        const response = await t.call('GET', '/status.json', { token: null });
        expect(response.statusCode).toBe(200);
        return response.json<PublicPage>();
      };
      expect((await page()).components.map((component) => component.name)).toEqual(['Payments']);
      expect((await page()).status).toBe('operational');

      const declared = await t.call('POST', '/api/v1/incidents', {
        body: {
          title: 'FLUSHALL ran on redis-prod-3 by jdoe',
          severity: 'P1',
          services: ['payments', 'billing-db'],
          summary: 'kubectl exec … redis-cli FLUSHALL',
        },
      });
      const id = declared.json<{ id: string }>().id;
      await t.call('POST', `/api/v1/incidents/${id}/status-updates`, {
        body: { message: 'Payments fail for some customers; we are on it.', phase: 'identified', public: true },
      });
      await t.call('POST', `/api/v1/incidents/${id}/status-updates`, {
        body: { message: 'Internal: Jane restores the dump from backup-07', public: false },
      });
      await t.call('POST', `/api/v1/incidents/${id}/notes`, { body: { text: 'psql -c "DELETE FROM sessions"' } });

      const during = await page();
      expect(during.status).toBe('major_outage');
      expect(during.components[0]).toMatchObject({ name: 'Payments', status: 'major_outage' });
      expect(during.components[0]!.history).toHaveLength(90);
      expect(during.components[0]!.history.at(-1)!.status).toBe('major_outage');
      expect(during.incidents).toEqual([
        expect.objectContaining({
          components: ['Payments'],
          impact: 'major_outage',
          phase: 'identified',
          resolvedAt: null,
          updates: [expect.objectContaining({ message: 'Payments fail for some customers; we are on it.' })],
        }),
      ]);
      // Nothing internal: no title, no summary, no names, no commands, no internal service, no private update.
      for (const path of ['/status', '/status.json', '/status/feed.rss']) {
        const response = await t.call('GET', path, { token: null });
        expect(response.statusCode).toBe(200);
        for (const secret of [
          'FLUSHALL',
          'jdoe',
          'kubectl',
          'Jane',
          'backup-07',
          'DELETE FROM',
          'Billing database',
          'Administrator',
        ])
          expect(response.body, `${path} shows ${secret}`).not.toContain(secret);
      }
      expect((await t.call('GET', '/status', { token: null })).body).toContain('Major outage');
      expect((await t.call('GET', '/status/feed.rss', { token: null })).body).toContain(
        '<item><title>Payments: Major outage</title>',
      );

      await t.call('POST', `/api/v1/incidents/${id}/resolve`, { body: { note: 'restored' } });
      const after = await page();
      expect(after.status).toBe('operational');
      expect(after.incidents[0]).toMatchObject({ phase: 'resolved', resolvedAt: expect.any(String) });
      expect(after.components[0]!.history.at(-1)!.status).toBe('major_outage');
    },
  );

  it.skipIf(!available)('escapes what it shows', async () => {
    await t.call('POST', '/api/v1/services', {
      body: { id: 'web', name: '<script>alert(1)</script> Web', public: true },
    });
    const html = (await t.call('GET', '/status', { token: null })).body;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Web');
  });

  it.skipIf(!available)('speaks French to a French browser or on request, English otherwise', async () => {
    await t.call('POST', '/api/v1/services', { body: { id: 'paiements', name: 'Paiements', public: true } });
    const declared = await t.call('POST', '/api/v1/incidents', {
      body: { title: 'Paiements en échec', severity: 'P2', services: ['paiements'] },
    });
    const id = declared.json<{ id: string }>().id;
    await t.call('POST', `/api/v1/incidents/${id}/status-updates`, {
      body: { message: 'Certains paiements échouent.', phase: 'identified', public: true },
    });
    const french = await t.call('GET', '/status', {
      token: null,
      headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' },
    });
    expect(french.headers['vary']).toContain('Accept-Language');
    expect(french.body).toContain('<html lang="fr">');
    expect(french.body).toContain('Panne partielle');
    expect(french.body).toContain('<b>Cause identifiée</b> — Certains paiements échouent.');
    expect(french.body).toContain('de disponibilité sur 90 jours');
    expect(french.body).toContain('href="/status?lang=en"');
    // An explicit choice wins over the browser; an unknown language falls back to English.
    expect(
      (await t.call('GET', '/status?lang=en', { token: null, headers: { 'accept-language': 'fr' } })).body,
    ).toContain('Partial outage');
    expect(
      (await t.call('GET', '/status', { token: null, headers: { 'accept-language': 'de-DE, en;q=0.1' } })).body,
    ).toContain('<html lang="en">');
    expect(
      (await t.call('GET', '/status', { token: null, headers: { 'accept-language': 'de, fr;q=0.5' } })).body,
    ).toContain('<html lang="fr">');
    const feed = (await t.call('GET', '/status/feed.rss?lang=fr', { token: null })).body;
    expect(feed).toContain('<language>fr</language>');
    expect(feed).toContain('<title>Paiements: Panne partielle</title>');
  });
});
