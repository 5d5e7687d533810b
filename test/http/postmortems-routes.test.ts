import { describe, expect, it } from 'vitest';
import { createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { eventually } from '../support/eventually.js';
import { waitForExecutionEnd } from '../support/run-steps.js';
import { seedsAvailable, seedText } from '../support/seeds.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const minute = 60_000;
/** 00:40 UTC on the night Europe/Paris moves from UTC+1 to UTC+2 (at 01:00 UTC). */
const nightStart = Date.parse('2026-03-29T00:40:00Z');

const runbook =
  '# RUNBOOK: Checkout down\n\n## Symptoms\n- checkout errors\n\n## Diagnosis\n\n```bash\necho checkout-ok\n```\n';

describe.each(testBackends)('post-mortems API on $backend', ({ backend, available }) => {
  // The test moves the clock by hand: every timestamp the server writes is known exactly.
  let clock = new Date(nightStart);
  const at = (ms: number) => {
    clock = new Date(ms);
  };
  const t = useTestApp(backend, available, { now: () => clock, runner: true, loops: ['timers'] });

  async function declare(title: string, body: Record<string, unknown> = {}): Promise<string> {
    const response = await t.call('POST', '/api/v1/incidents', { body: { title, ...body } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }
  const act = async (id: string, action: string) => {
    const response = await t.call('POST', `/api/v1/incidents/${id}/${action}`, {
      token: t.users.responder.token,
      body: {},
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const draft = (id: string, body: Record<string, unknown> = {}, token = t.users.responder.token) =>
    t.call('POST', `/api/v1/incidents/${id}/postmortem`, { token, body });

  it.skipIf(!available)(
    'drafts from a real timeline — alert, escalation, step run, resolution — every moment and duration, in Europe/Paris across the DST change',
    async () => {
      at(nightStart);
      const { responder, admin } = t.users;
      expect(
        (await t.call('POST', '/api/v1/services', { body: { id: 'checkout', name: 'Checkout', rtoMinutes: 30 } }))
          .statusCode,
      ).toBe(201);
      const policy = await t.call('PUT', '/api/v1/escalation-policies/checkout', {
        body: {
          name: 'Checkout',
          levels: [
            { delayMinutes: 0, targets: [{ type: 'user', id: responder.id }] },
            { delayMinutes: 10, targets: [{ type: 'user', id: admin.id }] },
          ],
        },
      });
      expect(policy.statusCode, policy.body).toBe(201);
      expect(
        (await t.call('PUT', '/api/v1/services/checkout/escalation-policy', { body: { policyId: 'checkout' } }))
          .statusCode,
      ).toBe(200);
      const runbookId = (
        await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'checkout.md', content: runbook } })
      ).json().runbooks[0].id as string;
      const { key } = await createIntegration(t, { name: 'prom', kind: 'prometheus', serviceId: 'checkout' });

      // The alert started 3 minutes before it reached Astreinte; it stays firing all along.
      const pushed = await pushAlerts(t, key, [
        promAlert(
          { alertname: 'CheckoutDown', service: 'checkout', severity: 'critical' },
          {
            startsAt: new Date(nightStart - 3 * minute).toISOString(),
            endsAt: new Date(nightStart + 24 * 60 * minute).toISOString(),
          },
        ),
      ]);
      expect(pushed.statusCode, pushed.body).toBe(200);
      const incidentId = await eventually("the alert's incident", async () => {
        const { rows } = await t.db.query<{ incident_id: string | null }>(
          `SELECT incident_id FROM alerts WHERE title LIKE 'CheckoutDown%'`,
        );
        return rows[0]?.incident_id ?? null;
      });
      const paged = (level: number) =>
        eventually(`level ${level} paged`, async () => {
          const { rows } = await t.db.query(
            `SELECT 1 FROM incident_events WHERE incident_id = $1 AND type = 'escalation_level_paged' AND (payload->>'level')::int = $2`,
            [incidentId, level],
          );
          return rows.length > 0 ? true : null;
        });
      await paged(1);
      at(nightStart + 10 * minute);
      await paged(2);
      at(nightStart + 12 * minute);
      await act(incidentId, 'acknowledge');
      at(nightStart + 15 * minute);
      const run = (
        await t.call('POST', '/api/v1/runs', { token: responder.token, body: { runbookId, incidentId } })
      ).json();
      const executed = await t.call('POST', `/api/v1/runs/${run.id}/steps/s1/execute`, {
        token: responder.token,
        body: {},
      });
      expect(executed.statusCode, executed.body).toBeLessThan(300);
      expect((await waitForExecutionEnd(t, run.id, executed.json().execution.id)).status).toBe('succeeded');
      at(nightStart + 20 * minute);
      await act(incidentId, 'mitigate');
      at(nightStart + 50 * minute);
      await act(incidentId, 'resolve');
      at(nightStart + 60 * minute);

      const drafted = await draft(incidentId, { timeZone: 'europe/paris' });
      expect(drafted.statusCode, drafted.body).toBe(201);
      const postmortem = drafted.json();
      expect(postmortem).toMatchObject({
        incidentId,
        status: 'draft',
        timeZone: 'Europe/Paris',
        version: 1,
        allowedNextStates: ['in-review'],
        actions: [],
      });
      expect(postmortem.facts.durations).toEqual({
        startedAt: '2026-03-29T00:37:00.000Z',
        firstAlertAt: '2026-03-29T00:37:00.000Z',
        detect: { from: '2026-03-29T00:37:00.000Z', to: '2026-03-29T00:40:00.000Z', seconds: 180 },
        acknowledge: { from: '2026-03-29T00:37:00.000Z', to: '2026-03-29T00:52:00.000Z', seconds: 900 },
        mitigate: { from: '2026-03-29T00:37:00.000Z', to: '2026-03-29T01:00:00.000Z', seconds: 1380 },
        resolve: { from: '2026-03-29T00:37:00.000Z', to: '2026-03-29T01:30:00.000Z', seconds: 3180 },
        restore: { from: '2026-03-29T00:37:00.000Z', to: '2026-03-29T01:00:00.000Z', seconds: 1380 },
        resolutionTarget: { minutes: 60, met: true },
        rto: [{ serviceId: 'checkout', name: 'Checkout', minutes: 30, met: true }],
      });
      const kinds = postmortem.facts.moments.map((moment: { kind: string }) => moment.kind);
      for (const kind of ['declared', 'alert', 'escalated', 'acknowledged', 'run', 'step', 'mitigated', 'resolved'])
        expect(kinds).toContain(kind);
      const texts = postmortem.facts.moments.map((moment: { text: string }) => moment.text);
      expect(texts).toContain('Escalation level 1 paged: Test responder');
      expect(texts.some((text: string) => /^Escalation level 2 paged: /.test(text))).toBe(true);
      expect(texts).toContain('Acknowledged by Test responder');
      expect(texts).toContain('Step "echo checkout-ok" run by Test responder: succeeded, exit 0');
      expect(texts.some((text: string) => text.startsWith('Alert fired: CheckoutDown'))).toBe(true);
      expect(postmortem.sections.map((section: { kind: string }) => section.kind)).toEqual([
        'summary',
        'impact',
        'timeline',
        'durations',
        'rootCause',
        'resolution',
        'actions',
        'lessons',
      ]);
      expect(postmortem.sections.find((section: { kind: string }) => section.kind === 'rootCause').body).toBe('');

      const markdown = await t.call('GET', `/api/v1/incidents/${incidentId}/postmortem.md`, {
        token: t.users.viewer.token,
      });
      expect(markdown.statusCode).toBe(200);
      expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
      // 00:40 UTC is 01:40 in Paris (UTC+1); 00:52 is 01:52; at 01:00 UTC clocks jump to 03:00 (UTC+2).
      expect(markdown.body).toContain('**Date**: 2026-03-29 01:37');
      expect(markdown.body).toContain('**Time zone**: Europe/Paris, UTC+01:00 → UTC+02:00');
      expect(markdown.body).toMatch(/- \*\*2026-03-29 01:40\*\* Incident declared by prom \(P1\)/);
      expect(markdown.body).toContain('- **01:52** Acknowledged by Test responder');
      // The step runner stamps its events with the real clock, not the test's: its line carries its own date.
      expect(markdown.body).toMatch(
        /^- \*\*[-\d :]+\*\* Step "echo checkout-ok" run by Test responder: succeeded, exit 0$/m,
      );
      expect(markdown.body).toMatch(/^- \*\*(2026-03-29 )?03:00\*\* Mitigated by Test responder$/m);
      expect(markdown.body).toContain('- **03:30** Resolved by Test responder');
      expect(markdown.body).toContain('| Time to detect | 3 min | 2026-03-29 01:37 → 2026-03-29 01:40 |  |');
      expect(markdown.body).toContain(
        '| Time to resolve | 53 min | 2026-03-29 01:37 → 2026-03-29 03:30 | P1 target 1 h 00 min: met |',
      );
      expect(markdown.body).toContain(
        '| Time to restore Checkout | 23 min | 2026-03-29 01:37 → 2026-03-29 03:00 | RTO 30 min: met |',
      );
      const types = (await t.call('GET', `/api/v1/incidents/${incidentId}/timeline`))
        .json()
        .map((event: { type: string }) => event.type);
      expect(types.at(-1)).toBe('postmortem_drafted');
    },
    60_000,
  );

  it.skipIf(!available)(
    "measures the same durations exactly whatever the zone, writes the clock times of each zone, and defaults to the server's zone",
    async () => {
      at(Date.parse('2026-07-01T10:00:00Z'));
      const id = await declare('Search slow', { severity: 'P2', detectedAt: '2026-07-01T09:55:00Z' });
      at(Date.parse('2026-07-01T10:07:30Z'));
      await act(id, 'acknowledge');
      at(Date.parse('2026-07-01T14:10:00Z'));
      await act(id, 'resolve');
      at(Date.parse('2026-07-01T14:30:00Z'));
      await act(id, 'reopen');
      at(Date.parse('2026-07-01T15:00:00Z'));
      await act(id, 'resolve');
      const first = await draft(id);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json().timeZone).toBe(new Intl.DateTimeFormat().resolvedOptions().timeZone);
      const expected = {
        detect: { from: '2026-07-01T09:55:00.000Z', to: '2026-07-01T10:00:00.000Z', seconds: 300 },
        acknowledge: { from: '2026-07-01T09:55:00.000Z', to: '2026-07-01T10:07:30.000Z', seconds: 750 },
        mitigate: null,
        // Reopened then resolved again: the last resolution counts; restoring ends there too.
        resolve: { from: '2026-07-01T09:55:00.000Z', to: '2026-07-01T15:00:00.000Z', seconds: 18_300 },
        resolutionTarget: { minutes: 240, met: false },
        firstAlertAt: null,
        rto: [],
      };
      expect(first.json().facts.durations).toMatchObject(expected);
      for (const [zone, declared, resolved] of [
        ['America/New_York', '06:00', '11:00'],
        ['Asia/Kolkata', '15:30', '20:30'],
        ['UTC', '10:00', '15:00'],
      ] as const) {
        const again = await draft(id, { timeZone: zone, replace: true });
        expect(again.statusCode, again.body).toBe(201);
        expect(again.json().facts.durations).toMatchObject(expected);
        const markdown = (await t.call('GET', `/api/v1/incidents/${id}/postmortem?format=markdown`)).body;
        expect(markdown).toContain(`- **2026-07-01 ${declared}** Incident declared by Administrator (P2): Search slow`);
        expect(markdown).toContain(`- **${resolved}** Resolved by Test responder`);
        expect(markdown).toContain('| Time to resolve | 5 h 05 min |');
        expect(markdown).toContain('| Time to acknowledge | 12 min 30 s |');
      }
      const bad = await draft(id, { timeZone: 'Mars/Olympus', replace: true });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.issues[0].path).toBe('/timeZone');
    },
  );

  it.skipIf(!available)(
    'refuses a second draft unless replacing a draft, a stale edit, a published edit and a wrong transition, each with 409',
    async () => {
      at(Date.parse('2026-08-01T08:00:00Z'));
      const id = await declare('Queue stuck');
      expect((await draft(id)).statusCode).toBe(201);
      const again = await draft(id);
      expect(again.statusCode).toBe(409);
      expect(again.json().details).toMatchObject({ status: 'draft', version: 1 });
      const replaced = await draft(id, { replace: true });
      expect(replaced.json().version).toBe(2);
      const sections = replaced
        .json()
        .sections.map((section: { key: string; body: string }) =>
          section.key === 'root-cause' ? { ...section, body: 'A consumer deadlock.' } : section,
        );
      const edited = await t.call('PATCH', `/api/v1/incidents/${id}/postmortem`, {
        token: t.users.responder.token,
        body: { version: 2, sections },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().version).toBe(3);
      const stale = await t.call('PATCH', `/api/v1/incidents/${id}/postmortem`, {
        token: t.users.responder.token,
        body: { version: 2, title: 'Mine' },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().details.version).toBe(3);
      const wrong = await t.call('POST', `/api/v1/incidents/${id}/postmortem/status`, {
        body: { status: 'published' },
      });
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json().details.allowedNextStates).toEqual(['in-review']);
      const review = await t.call('POST', `/api/v1/incidents/${id}/postmortem/status`, {
        token: t.users.responder.token,
        body: { status: 'in-review', version: 3 },
      });
      expect(review.json()).toMatchObject({ status: 'in-review', allowedNextStates: ['draft', 'published'] });
      expect((await draft(id, { replace: true })).statusCode).toBe(409);
      const published = await t.call('POST', `/api/v1/incidents/${id}/postmortem/status`, {
        token: t.users.responder.token,
        body: { status: 'published' },
      });
      expect(published.json()).toMatchObject({
        status: 'published',
        publishedAt: '2026-08-01T08:00:00.000Z',
        version: 5,
      });
      const late = await t.call('PATCH', `/api/v1/incidents/${id}/postmortem`, {
        token: t.users.responder.token,
        body: { version: 5, title: 'Late' },
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().details.allowedNextStates).toEqual(['in-review']);
      const types = (await t.call('GET', `/api/v1/incidents/${id}/timeline`))
        .json()
        .map((event: { type: string }) => event.type);
      expect(types.filter((type: string) => type.startsWith('postmortem_'))).toEqual([
        'postmortem_drafted',
        'postmortem_drafted',
        'postmortem_status_changed',
        'postmortem_published',
      ]);
      const audit = await t.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'postmortem.%' ORDER BY id`,
        [id],
      );
      expect(audit.rows.map((row) => row.action)).toEqual([
        'postmortem.draft',
        'postmortem.redraft',
        'postmortem.update',
        'postmortem.status',
        'postmortem.status',
      ]);
    },
  );

  it.skipIf(!available)(
    'lets viewers read and export but not write, and answers 404 for an incident without post-mortem',
    async () => {
      at(Date.parse('2026-08-02T08:00:00Z'));
      const id = await declare('Read only');
      expect((await t.call('GET', `/api/v1/incidents/${id}/postmortem`)).statusCode).toBe(404);
      expect((await draft(id, {}, t.users.viewer.token)).statusCode).toBe(403);
      await draft(id);
      expect(
        (await t.call('GET', `/api/v1/incidents/${id}/postmortem`, { token: t.users.viewer.token })).statusCode,
      ).toBe(200);
      expect(
        (await t.call('GET', `/api/v1/incidents/${id}/postmortem.html`, { token: t.users.viewer.token })).statusCode,
      ).toBe(200);
      expect(
        (
          await t.call('POST', `/api/v1/incidents/${id}/postmortem/actions`, {
            token: t.users.viewer.token,
            body: { title: 'x' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await t.call('PATCH', `/api/v1/incidents/${id}/postmortem`, {
            token: t.users.viewer.token,
            body: { version: 1, title: 'x' },
          })
        ).statusCode,
      ).toBe(403);
    },
  );

  it.skipIf(!available)(
    'tracks corrective actions with owner, due date and status until done, and lists the overdue ones',
    async () => {
      at(Date.parse('2026-09-10T21:30:00Z'));
      const id = await declare('Payments timeouts');
      await draft(id, { timeZone: 'Pacific/Auckland' });
      const add = (body: Record<string, unknown>) =>
        t.call('POST', `/api/v1/incidents/${id}/postmortem/actions`, { token: t.users.responder.token, body });
      // 21:30 UTC on the 10th is already the 11th in Auckland: due the 10th is late there.
      const late = await add({
        title: 'Add a timeout alert',
        ownerId: t.users.responder.id,
        dueDate: '2026-09-10',
        term: 'short',
      });
      expect(late.statusCode, late.body).toBe(201);
      expect(late.json()).toMatchObject({
        title: 'Add a timeout alert',
        owner: { userId: t.users.responder.id, name: 'Test responder' },
        dueDate: '2026-09-10',
        status: 'open',
        term: 'short',
        overdue: true,
        doneAt: null,
      });
      const onTime = (
        await add({ title: 'Load test the gateway', ownerId: t.users.admin.id, dueDate: '2026-09-11', term: 'medium' })
      ).json();
      expect(onTime.overdue).toBe(false);
      expect(
        (await add({ title: 'x', ownerId: '00000000-0000-4000-8000-000000000000' })).json().details.issues[0].path,
      ).toBe('/ownerId');
      expect((await add({ title: 'x', dueDate: '2026-02-30' })).json().details.issues[0].path).toBe('/dueDate');

      const overdue = (
        await t.call('GET', '/api/v1/corrective-actions?overdue=true', { token: t.users.viewer.token })
      ).json();
      expect(overdue.map((action: { id: string }) => action.id)).toEqual([late.json().id]);
      const mine = (await t.call('GET', `/api/v1/corrective-actions?owner=${t.users.admin.id}`)).json();
      expect(mine.map((action: { id: string }) => action.id)).toEqual([onTime.id]);
      const listed = (await t.call('GET', '/api/v1/postmortems'))
        .json()
        .find((summary: { incidentId: string }) => summary.incidentId === id);
      expect(listed.actions).toEqual({ total: 2, open: 2, overdue: 1 });

      at(Date.parse('2026-09-12T08:00:00Z'));
      const done = await t.call('PATCH', `/api/v1/incidents/${id}/postmortem/actions/${late.json().id}`, {
        token: t.users.responder.token,
        body: { status: 'done' },
      });
      expect(done.json()).toMatchObject({ status: 'done', doneAt: '2026-09-12T08:00:00.000Z', overdue: false });
      const open = (await t.call('GET', `/api/v1/corrective-actions?open=true&incidentId=${id}`)).json();
      expect(open.map((action: { id: string; overdue: boolean }) => [action.id, action.overdue])).toEqual([
        [onTime.id, true],
      ]);
      const reopened = await t.call('PATCH', `/api/v1/incidents/${id}/postmortem/actions/${late.json().id}`, {
        body: { status: 'in-progress', dueDate: '2026-09-30' },
      });
      expect(reopened.json()).toMatchObject({
        status: 'in-progress',
        doneAt: null,
        dueDate: '2026-09-30',
        overdue: false,
      });
    },
  );

  it.skipIf(!available)('exports Markdown and printable HTML with no script, escaping what users typed', async () => {
    at(Date.parse('2026-10-01T12:00:00Z'));
    const id = await declare('Injected <b>title</b>', { summary: 'Card payments failed <script>alert(1)</script>' });
    const drafted = (await draft(id, { timeZone: 'UTC' })).json();
    const sections = drafted.sections.map((section: { kind: string }) =>
      section.kind === 'lessons'
        ? { ...section, body: '**Alerts** must page.\n\n<img src=x onerror=alert(2)> [x](javascript:alert(3))' }
        : section,
    );
    await t.call('PATCH', `/api/v1/incidents/${id}/postmortem`, { body: { version: 1, sections } });
    await t.call('POST', `/api/v1/incidents/${id}/postmortem/actions`, {
      body: { title: '<script>alert(4)</script> | pipe', dueDate: '2026-10-15' },
    });

    const html = await t.call('GET', `/api/v1/incidents/${id}/postmortem.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).toMatch(/^<!doctype html>/);
    expect(html.body.toLowerCase()).not.toContain('<script');
    expect(html.body).not.toMatch(/<img|href="javascript:/i);
    expect(html.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.body).toContain('&lt;script&gt;alert(4)&lt;/script&gt; | pipe');
    expect(html.body).toContain('<strong>Alerts</strong> must page.');
    expect(html.body).toContain('<title>Post-mortem: Injected &lt;b&gt;title&lt;/b&gt;</title>');
    expect(html.body).toContain('@page');
    expect(html.body).toContain('break-before: page');

    const markdown = await t.call('GET', `/api/v1/incidents/${id}/postmortem?format=markdown`);
    expect(markdown.body).toContain('# Post-mortem: Injected <b>title</b>');
    expect(markdown.body).toContain('| <script>alert(4)</script> \\| pipe | — | 2026-10-15 | open | — |');
    expect(markdown.body).toContain('## Root cause\n\n_To be written._');
    const asHtml = await t.call('GET', `/api/v1/incidents/${id}/postmortem?format=html`);
    expect(asHtml.body).toBe(html.body);
  });

  it.skipIf(!available || !seedsAvailable)(
    'follows the post-mortem template adopted from a seed runbook: its headings, in its order and words',
    async () => {
      at(Date.parse('2026-11-01T12:00:00Z'));
      const imported = await t.call('POST', '/api/v1/runbook-sources', {
        body: { filename: 'seed-003.md', content: seedText('003') },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const drafts = (await t.call('GET', '/api/v1/runbook-drafts?kind=postmortem-template')).json().items as {
        id: string;
      }[];
      expect(drafts.length).toBeGreaterThan(0);
      expect(
        (
          await t.call('POST', '/api/v1/postmortem-templates/adopt', {
            token: t.users.responder.token,
            body: { draftId: drafts[0]!.id },
          })
        ).statusCode,
      ).toBe(403);
      const adopted = await t.call('POST', '/api/v1/postmortem-templates/adopt', { body: { draftId: drafts[0]!.id } });
      expect(adopted.statusCode, adopted.body).toBe(201);
      const id = await declare('Dispatch down', { summary: 'No dispatch for 20 minutes' });
      const drafted = (await draft(id)).json();
      expect(drafted.templateDraftId).toBe(drafts[0]!.id);
      expect(drafted.sections.map((section: { kind: string; title: string }) => [section.kind, section.title])).toEqual(
        [
          ['summary', 'Résumé'],
          ['timeline', 'Timeline'],
          ['rootCause', 'Root Cause'],
          ['actions', 'Actions Correctives'],
          ['lessons', 'Lessons Learned'],
          ['impact', 'Impact'],
          ['durations', 'Durations'],
        ],
      );
      expect(drafted.sections[0].body).toBe('No dispatch for 20 minutes');
    },
  );
});
