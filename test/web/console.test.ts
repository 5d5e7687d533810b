import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegration, promAlert, pushAlerts } from '../support/alert-support.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe.skipIf(!hasChromium)('the web console in Chromium', () => {
  let harness: ConsoleHarness;
  let t: TestApp;
  let base: string;
  const signIn = (username: string): Promise<Page> => harness.signIn(username);

  beforeAll(async () => {
    harness = await startConsole();
    ({ t, base } = harness);
  }, 120_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  it("signs in, shows an alert's incident without reload, acknowledges and resolves it", async () => {
    const page = await signIn('responder');
    const { key } = await createIntegration(t, { name: 'browser', kind: 'prometheus' });
    expect(
      (
        await pushAlerts(t, key, [
          promAlert(
            { alertname: 'CheckoutLatencyHigh', severity: 'critical' },
            { annotations: { summary: 'Checkout answers in 9 s' } },
          ),
        ])
      ).statusCode,
    ).toBe(200);
    const row = page.getByTestId('incident-row').filter({ hasText: 'Checkout answers in 9 s' });
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('link').first().click();
    await page.getByTestId('action-acknowledge').click();
    await expect
      .poll(() => page.getByTestId('incident-status').first().textContent(), { timeout: 10_000 })
      .toMatch(/acknowledged|pris en compte|acquitté/i);
    await page.getByTestId('action-resolve').click();
    await expect
      .poll(() => page.getByTestId('incident-status').first().textContent(), { timeout: 10_000 })
      .toMatch(/resolved|résolu/i);
    await expect
      .poll(async () => (await page.getByTestId('timeline-event').count()) >= 3, { timeout: 10_000 })
      .toBe(true);
    const id = page.url().split('/').at(-1)!;
    const { rows } = await t.db.query<{ status: string }>('SELECT status FROM incidents WHERE id = $1', [id]);
    expect(rows[0]!.status).toBe('resolved');
    await page.close();
  }, 90_000);

  it('shows an incident on the public status page, then its resolution, without anything internal', async () => {
    await t.call('POST', '/api/v1/services', { body: { id: 'storefront', name: 'Storefront', public: true } });
    const declared = await t.call('POST', '/api/v1/incidents', {
      body: { title: 'Disk full on shop-db-2 (jdoe)', severity: 'P2', services: ['storefront'] },
    });
    const id = declared.json<{ id: string }>().id;
    await t.call('POST', `/api/v1/incidents/${id}/status-updates`, {
      body: { message: 'Some pages load slowly; we are on it.', phase: 'identified', public: true },
    });
    const page = await harness.browser.newPage();
    await page.goto(`${base}/status`);
    const body = page.locator('body');
    await expect.poll(() => body.textContent()).toContain('Partial outage');
    expect(await body.textContent()).toContain('Some pages load slowly; we are on it.');
    expect(await body.textContent()).not.toContain('shop-db-2');
    await t.call('POST', `/api/v1/incidents/${id}/resolve`, { body: {} });
    await page.reload();
    await expect.poll(() => body.textContent()).toContain('All systems operational');
    expect(await page.locator('article.incident h3').first().textContent()).toContain('Storefront: Resolved');
    await page.close();
  }, 60_000);

  it('shows a viewer no action buttons, and the API refuses the actions anyway', async () => {
    const declared = await t.call('POST', '/api/v1/incidents', {
      body: { title: 'Seen but not touched', severity: 'P3' },
    });
    const id = declared.json<{ id: string }>().id;
    const page = await signIn('viewer');
    await page.goto(`${base}/incidents/${id}`);
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('action-acknowledge').count()).toBe(0);
    expect(await page.getByTestId('action-resolve').count()).toBe(0);
    // The same request the button would make, with the viewer's session and CSRF token.
    const refused = await page.evaluate(async (incident) => {
      const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
      return (
        await fetch(`/api/v1/incidents/${incident}/acknowledge`, {
          method: 'POST',
          headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
          body: '{}',
        })
      ).status;
    }, id);
    expect(refused).toBe(403);
    await page.close();
  }, 60_000);

  it('filters the live list by service, kept in the URL, and declares an incident on a service', async () => {
    for (const [id, name] of [
      ['checkout', 'Checkout'],
      ['search', 'Search'],
    ])
      await t.call('POST', '/api/v1/services', { body: { id, name } });
    const page = await signIn('responder');
    await page.getByTestId('filter-service').selectOption('checkout');
    await page.waitForURL(`${base}/?service=checkout`);
    await t.call('POST', '/api/v1/incidents', {
      body: { title: 'Search index stale', severity: 'P3', services: ['search'] },
    });
    await page.getByTestId('declare-title').fill('Checkout button does nothing');
    await page.getByTestId('declare-service').selectOption('checkout');
    await page.getByTestId('declare-submit').click();
    const rows = page.getByTestId('incident-row');
    await expect
      .poll(() => rows.filter({ hasText: 'Checkout button does nothing' }).count(), { timeout: 10_000 })
      .toBe(1);
    expect(await rows.filter({ hasText: 'Search index stale' }).count()).toBe(0);
    // A reload keeps the filter: the service is in the URL.
    await page.reload();
    await expect.poll(() => page.getByTestId('filter-service').inputValue()).toBe('checkout');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasText: 'Search index stale' }).count()).toBe(0);
    const listed = (await t.call('GET', '/api/v1/incidents?service=checkout')).json<{
      items: { title: string; services: string[] }[];
    }>();
    expect(listed.items.find((incident) => incident.title === 'Checkout button does nothing')?.services).toEqual([
      'checkout',
    ]);
    await page.close();
  }, 60_000);

  it('works from the keyboard alone: Tab reaches the incident and its acknowledge button, Enter uses them', async () => {
    const declared = await t.call('POST', '/api/v1/incidents', {
      body: { title: 'Queue backlog on workers', severity: 'P2' },
    });
    const id = declared.json<{ id: string }>().id;
    const page = await signIn('responder');
    // Tabs until the focused element matches, as someone without a mouse would; fails if never reached.
    // `matches` runs in the page from its source, so it takes what it needs as `argument`, not from a closure.
    const tabTo = async (
      matches: (element: Element | null, argument: string) => boolean,
      argument = '',
      limit = 80,
    ): Promise<void> => {
      for (let presses = 0; presses < limit; presses += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(`(${matches.toString()})(document.activeElement, ${JSON.stringify(argument)})`)) return;
      }
      throw new Error('never reached by Tab');
    };
    await page.getByTestId('incident-row').filter({ hasText: 'Queue backlog on workers' }).waitFor();
    await tabTo(
      (element, href) => element?.tagName === 'A' && element.getAttribute('href') === href,
      `/incidents/${id}`,
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/incidents/${id}`);
    await page.getByTestId('action-acknowledge').waitFor();
    await tabTo((element) => element?.getAttribute('data-testid') === 'action-acknowledge');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('incident-status').first().getAttribute('data-status'), { timeout: 10_000 })
      .toBe('acknowledged');
    await page.close();
  }, 60_000);
});
