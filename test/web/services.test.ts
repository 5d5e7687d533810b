import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { weeklySchedule } from '../support/weekly-schedule.js';

/** Calls the API as the admin and fails the test, with the answer, on anything but success. */
async function setUp(t: TestApp, method: string, url: string, body?: unknown): Promise<{ id: string }> {
  const answer = await t.call(method, url, body === undefined ? {} : { body });
  if (answer.statusCode >= 300) throw new Error(`${method} ${url}: ${answer.statusCode} ${answer.body}`);
  return answer.json<{ id: string }>();
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();

describe.skipIf(!hasChromium)('the services and on-call pages in Chromium', () => {
  let harness: ConsoleHarness;
  let t: TestApp;
  let base: string;
  let adminName: string;
  let p1: { id: string };

  beforeAll(async () => {
    harness = await startConsole();
    ({ t, base } = harness);
    const { rows } = await t.db.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [t.users.admin.id]);
    adminName = rows[0]!.name;
    await setUp(t, 'POST', '/api/v1/teams', { id: 'payments', name: 'Payments team' });
    await setUp(
      t,
      'PUT',
      '/api/v1/schedules/payments-primary',
      weeklySchedule('Payments primary', [t.users.responder.id, t.users.viewer.id], 'payments'),
    );
    await setUp(t, 'PUT', '/api/v1/escalation-policies/payments-default', {
      name: 'Payments default',
      levels: [
        { delayMinutes: 0, targets: [{ type: 'schedule', id: 'payments-primary' }] },
        { delayMinutes: 15, targets: [{ type: 'user', id: t.users.admin.id }] },
      ],
    });
    await setUp(t, 'POST', '/api/v1/services', {
      id: 'checkout',
      name: 'Checkout',
      ownerTeamId: 'payments',
      rtoMinutes: 60,
      rpoMinutes: 5,
    });
    await setUp(t, 'PUT', '/api/v1/services/checkout/escalation-policy', { policyId: 'payments-default' });
    await setUp(t, 'POST', '/api/v1/services', { id: 'search', name: 'Search', rtoMinutes: 240 });
    p1 = await setUp(t, 'POST', '/api/v1/incidents', {
      title: 'Card payments refused',
      severity: 'P1',
      services: ['checkout'],
    });
    // An hour's interval keeps the runner away from it during the tests: its status stays as set.
    const probe = await setUp(t, 'POST', '/api/v1/probes', {
      name: 'Checkout health',
      serviceId: 'checkout',
      intervalSeconds: 3600,
      target: { kind: 'tcp', host: '127.0.0.1', port: 9 },
    });
    await t.db.query(`UPDATE probes SET status = 'down' WHERE id = $1::uuid`, [probe.id]);
  }, 120_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  /** Whoever the weekly rota has on call now: the responder or the viewer, depending on the week. */
  async function onCallNow(): Promise<string> {
    const answer = await t.call('GET', '/api/v1/schedules/payments-primary/on-call');
    return answer.json<{ onCall: { name: string } }>().onCall.name;
  }

  it('lists each service with its health and the reason, its open incidents, RTO/RPO, team and who is on call', async () => {
    const page = await harness.signIn('viewer');
    await page.getByRole('link', { name: 'Services' }).click();
    const checkout = page.locator('[data-testid="service-row"][data-service-id="checkout"]');
    await checkout.waitFor();
    expect(await checkout.getByTestId('service-health').getAttribute('data-health')).toBe('down');
    expect(await checkout.getByTestId('service-health').textContent()).toContain('Down');
    expect(await checkout.getByTestId('health-reason').first().textContent()).toContain(
      `P1 incident ${p1.id} is triggered: Card payments refused`,
    );
    expect(await checkout.getByTestId('service-open-count').textContent()).toBe('1 open');
    expect(await checkout.getByTestId('service-objectives').textContent()).toBe('RTO 1 h · RPO 5 min');
    expect(await checkout.textContent()).toContain('Payments team');
    const name = await onCallNow();
    expect(await checkout.getByTestId('on-call-person').textContent()).toContain(`${name} via Payments primary`);
    const search = page.locator('[data-testid="service-row"][data-service-id="search"]');
    expect(await search.getByTestId('service-health').getAttribute('data-health')).toBe('operational');
    expect(await search.getByTestId('service-objectives').textContent()).toBe('RTO 4 h · RPO not set');
    expect(await search.getByTestId('on-call-nobody').textContent()).toBe('Nobody');
    // Down comes before operational: trouble first.
    expect(await page.getByTestId('service-row').first().getAttribute('data-service-id')).toBe('checkout');
    await page.close();
  }, 60_000);

  it("shows a service's health and why, its open incident, RTO/RPO, team, probes, who is on call now and next, and its escalation levels", async () => {
    const page = await harness.signIn('viewer');
    await page.goto(`${base}/services`);
    await page.locator('[data-service-id="checkout"]').getByRole('link', { name: 'Checkout' }).click();
    await page.waitForURL(`${base}/services/checkout`);
    await expect.poll(() => page.getByTestId('service-health').first().getAttribute('data-health')).toBe('down');
    expect(await text(page, 'health-reason')).toContain('Card payments refused');
    const incident = page.locator(`[data-testid="service-open-incident"][data-incident-id="${p1.id}"]`);
    await incident.waitFor();
    expect(await incident.getByRole('link').getAttribute('href')).toBe(`/incidents/${p1.id}`);
    expect(await text(page, 'service-rto')).toBe('1 h');
    expect(await text(page, 'service-rpo')).toBe('5 min');
    expect(await text(page, 'service-team')).toBe('Payments team');
    expect(await page.getByTestId('health-reason').nth(1).textContent()).toBe('Probe “Checkout health” is down');
    await expect.poll(() => page.getByTestId('service-probe').first().getAttribute('data-probe-status')).toBe('down');
    expect(await page.getByTestId('service-probe').first().textContent()).toContain('no data');
    const name = await onCallNow();
    expect(await text(page, 'service-on-call-now')).toContain(name);
    // Two people rotate weekly: the next shift goes to the other one.
    const other = name === 'Test responder' ? 'Test viewer' : 'Test responder';
    await expect.poll(() => text(page, 'service-on-call-next')).toContain(other);
    const levels = page.getByTestId('escalation-level');
    await expect.poll(() => levels.count()).toBe(2);
    expect(await levels.nth(0).getByTestId('escalation-level-at').textContent()).toBe('at once (0 min)');
    expect(await levels.nth(0).textContent()).toContain(`Schedule Payments primary (now ${name})`);
    expect(await levels.nth(1).getByTestId('escalation-level-at').textContent()).toBe('at 15 min');
    expect(await levels.nth(1).textContent()).toContain(`Person: ${adminName}`);
    expect(await text(page, 'time-zone-note')).toMatch(/Times are in your time zone, \S+\./);
    await page.close();
  }, 60_000);

  it("shows a new incident on a service's page without reload, and the service degraded because of it", async () => {
    const page = await harness.signIn('responder');
    await page.goto(`${base}/services/search`);
    await page.getByTestId('service-open-empty').waitFor();
    expect(await page.getByTestId('service-health').first().getAttribute('data-health')).toBe('operational');
    // Once the page follows the incident stream, a change it did not make itself shows at once.
    await expect.poll(() => page.getByTestId('stream-state').getAttribute('data-state')).toBe('live');
    const declared = await setUp(t, 'POST', '/api/v1/incidents', {
      title: 'Search results stale',
      severity: 'P3',
      services: ['search'],
    });
    await page.locator(`[data-testid="service-open-incident"][data-incident-id="${declared.id}"]`).waitFor();
    await expect.poll(() => page.getByTestId('service-health').first().getAttribute('data-health')).toBe('degraded');
    expect(await text(page, 'health-reason')).toContain('Search results stale');
    await page.close();
  }, 60_000);

  it('shows who is on call now for every schedule and until when, the next shifts, and the escalation policies', async () => {
    const page = await harness.signIn('viewer');
    await page.getByRole('link', { name: 'On call' }).click();
    const row = page.locator('[data-testid="schedule-row"][data-schedule-id="payments-primary"]');
    await row.waitFor();
    const name = await onCallNow();
    expect(await row.getByTestId('schedule-on-call-now').textContent()).toBe(name);
    // A weekly rota hands over on Monday at 09:00 in Paris: the time is shown with its zone.
    expect(await row.getByTestId('schedule-on-call-until').locator('time').getAttribute('datetime')).toMatch(
      /^\d{4}-\d\d-\d\dT0[78]:00:00\.000Z$/,
    );
    expect(await row.getByTestId('schedule-next-shift').count()).toBeGreaterThanOrEqual(1);
    const policy = page.locator('[data-testid="escalation-policy"][data-policy-id="payments-default"]');
    expect(await policy.getByTestId('escalation-level').count()).toBe(2);
    expect(await policy.getByTestId('escalation-level').nth(1).textContent()).toContain('at 15 min');
    expect(await page.getByTestId('policy-services').first().textContent()).toContain('Checkout');
    await page.close();
  }, 60_000);

  it('reads the services page in French when French is chosen', async () => {
    const page = await harness.signIn('viewer');
    await page.getByTestId('language-switcher').selectOption('fr');
    await page.goto(`${base}/services/checkout`);
    await expect.poll(() => text(page, 'service-health')).toContain('En panne');
    await expect
      .poll(() => page.getByTestId('escalation-level-at').first().textContent())
      .toBe('immédiatement (0 min)');
    expect(await text(page, 'time-zone-note')).toContain('fuseau horaire');
    await page.close();
  }, 60_000);
});
