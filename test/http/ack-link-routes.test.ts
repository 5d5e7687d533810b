import { describe, expect, it } from 'vitest';
import { ackTestSecretKey, ackToken, incidentWithAlert } from '../support/ack-links.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

describe.each(testBackends)('acknowledge links on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey: ackTestSecretKey } });
  const incidentOf = async (id: string) => (await t.call('GET', `/api/v1/incidents/${id}`)).json();
  const auditCount = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
  const page = (token: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/ack/${token}`, headers });
  const post = (token: string, payload: string, headers: Record<string, string> = form) =>
    t.app.inject({ method: 'POST', url: `/ack/${token}`, headers, payload });

  it.skipIf(!available)('shows the incident and its first alert, and GET changes nothing', async () => {
    await t.db.query(`INSERT INTO services (id, name) VALUES ('checkout', 'Checkout') ON CONFLICT DO NOTHING`);
    const incident = await incidentWithAlert(
      t,
      'Checkout <errors>',
      { title: 'HTTP 5xx above 5%', description: 'checkout-api answers 502' },
      ['checkout'],
    );
    const token = ackToken(incident.id, t.users.responder.id);
    const before = { audit: await auditCount(), incident: await incidentOf(incident.id) };
    for (let i = 0; i < 3; i += 1) {
      const shown = await page(token);
      expect(shown.statusCode).toBe(200);
      expect(shown.headers['content-type']).toContain('text/html');
      expect(shown.headers['cache-control']).toBe('no-store');
      expect(shown.headers['content-security-policy']).toContain("default-src 'none'");
      expect(shown.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(shown.body).toContain('<h1>Checkout &lt;errors&gt;</h1>');
      expect(shown.body).toContain('sev-P1');
      expect(shown.body).toContain('Services: checkout');
      expect(shown.body).toMatch(/open for \d+ min/);
      expect(shown.body).toContain('HTTP 5xx above 5%');
      expect(shown.body).toContain('checkout-api answers 502');
      expect(shown.body).toContain('value="acknowledge"');
      expect(shown.body).toContain('value="resolve"');
    }
    expect(await auditCount()).toBe(before.audit);
    expect(await incidentOf(incident.id)).toEqual(before.incident);
  });

  it.skipIf(!available)(
    'acknowledges from the form (303 to the page, no more 415), as the paged person, audited',
    async () => {
      const incident = await incidentWithAlert(t, 'Queue stuck', { title: 'lag > 10 min' });
      const token = ackToken(incident.id, t.users.responder.id);
      const done = await post(token, 'action=acknowledge');
      expect(done.statusCode, done.body).toBe(303);
      expect(done.headers.location).toBe(`/ack/${token}`);
      expect(await incidentOf(incident.id)).toMatchObject({ status: 'acknowledged' });
      const audit = await t.db.query<{ actor_id: string; action: string }>(
        `SELECT actor_id, action FROM audit_log WHERE target_id = $1 ORDER BY id DESC LIMIT 1`,
        [incident.id],
      );
      expect(audit.rows[0]).toEqual({ actor_id: t.users.responder.id, action: 'incident.acknowledge' });
      const after = await page(token);
      expect(after.body).toContain('You acknowledged this incident at');
      expect(after.body).not.toContain('value="acknowledge"');
      expect(after.body).toContain('value="resolve"');

      const colleague = ackToken(incident.id, t.users.admin.id);
      const late = await post(colleague, 'action=acknowledge');
      expect(late.statusCode).toBe(303);
      expect((await page(colleague)).body).toContain('Already acknowledged by Test responder at');
    },
  );

  it.skipIf(!available)(
    'resolves from the form, then the link only says the incident is resolved, even once reopened',
    async () => {
      const incident = await incidentWithAlert(t, 'Disk full', { title: 'disk 99%' });
      const token = ackToken(incident.id, t.users.responder.id);
      expect((await post(token, 'action=resolve')).statusCode).toBe(303);
      expect(await incidentOf(incident.id)).toMatchObject({ status: 'resolved' });
      const resolved = await page(token);
      expect(resolved.body).toContain('You resolved this incident at');
      expect(resolved.body).not.toContain('<form');

      expect((await t.call('POST', `/api/v1/incidents/${incident.id}/reopen`, { body: {} })).statusCode).toBe(200);
      const revoked = await post(token, '{}', { 'content-type': 'application/json' });
      expect(revoked.statusCode).toBe(409);
      expect(revoked.json()).toMatchObject({ error: 'conflict', details: { revoked: true } });
      expect((await post(token, 'action=acknowledge')).statusCode).toBe(303);
      expect(await incidentOf(incident.id)).toMatchObject({ status: 'triggered' });
      expect((await page(token)).body).not.toContain('<form');

      const fresh = ackToken(incident.id, t.users.responder.id, { issuedAt: new Date() });
      expect((await post(fresh, '', {})).json()).toMatchObject({ status: 'acknowledged' });
    },
  );

  it.skipIf(!available)('keeps working as JSON: a bare POST acknowledges, an action resolves', async () => {
    const incident = await incidentWithAlert(t, 'Login slow', { title: 'p99 > 2 s' });
    const token = ackToken(incident.id, t.users.responder.id);
    const acked = await t.app.inject({ method: 'POST', url: `/ack/${token}` });
    expect(acked.statusCode, acked.body).toBe(200);
    expect(acked.json()).toMatchObject({ id: incident.id, status: 'acknowledged' });
    const again = await t.app.inject({ method: 'POST', url: `/ack/${token}` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'invalid_transition' });
    const resolved = await t.app.inject({
      method: 'POST',
      url: `/ack/${token}`,
      headers: { accept: 'application/json' },
      payload: { action: 'resolve' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved' });
    const fromBrowserScript = await post(token, '{"action":"resolve"}', {
      'content-type': 'application/json',
      accept: 'text/html',
    });
    expect(fromBrowserScript.statusCode).toBe(409);
    // JSON asked for JSON, whatever it accepts: resolved now, this link is revoked.
    expect(fromBrowserScript.json()).toMatchObject({ error: 'conflict', details: { revoked: true } });
    const unknown = await post(token, '{"action":"delete"}', { 'content-type': 'application/json' });
    expect(unknown.statusCode).toBe(400);
  });

  it.skipIf(!available)('refuses what the token does not allow: an ack-only link cannot resolve', async () => {
    const incident = await incidentWithAlert(t, 'Cache cold', { title: 'hit ratio 10%' });
    const token = ackToken(incident.id, t.users.responder.id, { actions: ['acknowledge'] });
    expect((await page(token)).body).not.toContain('value="resolve"');
    const refused = await post(token, '{"action":"resolve"}', { 'content-type': 'application/json' });
    expect(refused.statusCode).toBe(403);
    expect((await post(token, 'action=resolve')).statusCode).toBe(303);
    expect(await incidentOf(incident.id)).toMatchObject({ status: 'triggered' });
  });

  it.skipIf(!available)(
    'refuses expired, altered and foreign links with a page or a 401, changing nothing',
    async () => {
      const incident = await incidentWithAlert(t, 'DNS flapping', { title: 'NXDOMAIN' });
      const expired = ackToken(incident.id, t.users.responder.id, {
        issuedAt: new Date(Date.now() - 7_200_000),
        expiresAt: new Date(Date.now() - 1000),
      });
      const shownExpired = await page(expired);
      expect(shownExpired.statusCode).toBe(401);
      expect(shownExpired.body).toContain('This link has expired');
      expect((await post(expired, '', {})).json()).toMatchObject({
        error: 'unauthenticated',
        details: { reason: 'expired' },
      });
      const altered = `${ackToken(incident.id, t.users.responder.id)}x`;
      for (const token of [altered, 'not-a-token', 'a'.repeat(2000)]) {
        const shown = await page(token);
        expect(shown.statusCode, token).toBeGreaterThanOrEqual(400);
        expect((await post(token, 'action=acknowledge')).statusCode).toBeGreaterThanOrEqual(400);
        expect((await post(token, '', {})).statusCode).toBeGreaterThanOrEqual(400);
      }
      const alteredPage = await post(altered, 'action=acknowledge');
      expect(alteredPage.statusCode).toBe(401);
      expect(alteredPage.body).toContain('This link is not valid');
      expect(await incidentOf(incident.id)).toMatchObject({ status: 'triggered' });
    },
  );

  it.skipIf(!available)('speaks French from Accept-Language, and ?lang= switches', async () => {
    const incident = await incidentWithAlert(t, 'Paiements en erreur', { title: '502' });
    const token = ackToken(incident.id, t.users.responder.id);
    const fr = await page(token, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('Prendre en charge');
    expect(fr.body).toMatch(/ouvert depuis \d+ min/);
    const en = await t.app.inject({
      method: 'GET',
      url: `/ack/${token}?lang=en`,
      headers: { 'accept-language': 'fr' },
    });
    expect(en.body).toContain('>Acknowledge</button>');
    expect((await post(`${token}?lang=fr`, 'action=acknowledge')).headers.location).toBe(`/ack/${token}?lang=fr`);
  });

  it.skipIf(!available)('parses forms for the link only: the API still answers 415 to them', async () => {
    const incident = await incidentWithAlert(t, 'Form elsewhere', { title: 'x' });
    const api = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/acknowledge`,
      headers: { ...form, authorization: `Bearer ${t.users.admin.token}` },
      payload: 'note=hi',
    });
    expect(api.statusCode).toBe(415);
    const token = ackToken(incident.id, t.users.responder.id);
    expect((await post(token, 'hello', { 'content-type': 'text/plain' })).statusCode).toBe(415);
  });
});
