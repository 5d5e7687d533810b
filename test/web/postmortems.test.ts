import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

/** Calls the API as the admin and fails the test, with the answer, on anything but success. */
async function setUp(t: TestApp, method: string, url: string, body?: unknown): Promise<Record<string, unknown>> {
  const answer = await t.call(method, url, body === undefined ? {} : { body });
  if (answer.statusCode >= 300) throw new Error(`${method} ${url}: ${answer.statusCode} ${answer.body}`);
  return answer.json<Record<string, unknown>>();
}

describe.skipIf(!hasChromium)('the post-mortem pages in Chromium', () => {
  let harness: ConsoleHarness;
  let t: TestApp;
  let base: string;
  let drafted: string;
  let fresh: string;

  beforeAll(async () => {
    harness = await startConsole();
    ({ t, base } = harness);
    const declare = async (title: string) => {
      const incident = await setUp(t, 'POST', '/api/v1/incidents', { title, severity: 'P2' });
      await setUp(t, 'POST', `/api/v1/incidents/${String(incident['id'])}/acknowledge`, {});
      await setUp(t, 'POST', `/api/v1/incidents/${String(incident['id'])}/resolve`, {});
      return String(incident['id']);
    };
    drafted = await declare('Card payments refused');
    fresh = await declare('Search <b>slow</b>');
    await setUp(t, 'POST', `/api/v1/incidents/${drafted}/postmortem`, { timeZone: 'UTC' });
    await setUp(t, 'POST', `/api/v1/incidents/${drafted}/postmortem/actions`, {
      title: 'Alert on refusals',
      dueDate: '2020-01-31',
      ownerId: t.users.responder.id,
    });
  }, 180_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  it('lists post-mortems with their status and overdue corrective actions, read-only for viewers', async () => {
    const page = await harness.signIn('viewer');
    await page.getByRole('link', { name: 'Post-mortems' }).click();
    const row = page.locator(`[data-testid="postmortem-row"][data-incident-id="${drafted}"]`);
    await row.waitFor();
    expect(await row.getByTestId('postmortem-status').textContent()).toBe('Draft');
    expect(await row.getByTestId('postmortem-actions').textContent()).toBe('1 to do of 1 1 overdue');
    await row.getByRole('link', { name: 'Post-mortem: Card payments refused' }).click();
    await page.getByTestId('postmortem-title').waitFor();
    expect(await page.getByTestId('read-only').textContent()).toContain('Viewers read post-mortems');
    expect(await page.getByTestId('postmortem-save').count()).toBe(0);
    expect(await page.getByTestId('action-overdue').textContent()).toBe('OVERDUE');
    expect(await page.getByTestId('action-owner').isDisabled()).toBe(true);
    await page.close();
  }, 60_000);

  it("drafts in a chosen zone, edits and saves a section, warns of a colleague's save, reviews, publishes and exports", async () => {
    const page = await harness.signIn('responder');
    await page.goto(`${base}/postmortems/${fresh}`);
    await page.getByTestId('postmortem-none').waitFor();
    await page.getByTestId('postmortem-time-zone').fill('America/New_York');
    await page.getByTestId('postmortem-draft').click();
    expect(await page.getByTestId('postmortem-title').textContent()).toBe('Post-mortem: Search <b>slow</b>');
    expect(await page.getByTestId('postmortem-moments').textContent()).toContain(
      'Incident declared by Administrator (P2): Search <b>slow</b>',
    );
    expect(await page.getByRole('heading', { name: 'Facts measured when drafted (America/New_York)' }).count()).toBe(1);
    expect(await page.locator('[data-measure="resolve"]').textContent()).toMatch(/^Time to resolve\d/);

    await page.getByTestId('postmortem-body-root-cause').fill('An index was dropped <script>alert(1)</script>');
    await page.getByTestId('postmortem-save').click();
    expect(await page.getByTestId('postmortem-saved').textContent()).toBe('Saved (version 2).');
    const stored = await setUp(t, 'GET', `/api/v1/incidents/${fresh}/postmortem`);
    expect(
      (stored['sections'] as { key: string; body: string }[]).find((section) => section.key === 'root-cause')?.body,
    ).toBe('An index was dropped <script>alert(1)</script>');

    // A colleague saves meanwhile: this page's save is refused and says so, its text kept.
    await setUp(t, 'PATCH', `/api/v1/incidents/${fresh}/postmortem`, {
      version: 2,
      title: 'Post-mortem: search latency',
    });
    await page.getByTestId('postmortem-body-lessons').fill('Review index changes');
    await page.getByTestId('postmortem-save').click();
    await page.getByTestId('postmortem-stale').waitFor();
    expect(await page.getByTestId('postmortem-body-lessons').inputValue()).toBe('Review index changes');
    await page.getByTestId('postmortem-stale').getByRole('button', { name: 'Reload' }).click();
    await page.getByText('Post-mortem: search latency').first().waitFor();

    await page.getByTestId('action-new-title').fill('Guard index drops');
    await page.getByTestId('action-add').click();
    const action = page.getByTestId('corrective-action');
    await action.waitFor();
    await action.getByTestId('action-status').selectOption('done');
    await page.waitForFunction(
      () => document.querySelector<HTMLSelectElement>('[data-testid="action-status"]')?.value === 'done',
    );
    const actions = (await setUp(t, 'GET', `/api/v1/corrective-actions?incidentId=${fresh}`)) as unknown as {
      status: string;
      doneAt: string | null;
    }[];
    expect(actions[0]).toMatchObject({ status: 'done' });

    await page.getByTestId('postmortem-move-in-review').click();
    await page.getByText('In review').first().waitFor();
    await page.getByTestId('postmortem-move-published').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="postmortem-status"]')?.textContent === 'Published',
    );
    expect(await page.getByTestId('postmortem-save').count()).toBe(0);

    expect(await page.getByTestId('export-markdown').getAttribute('href')).toBe(
      `/api/v1/incidents/${fresh}/postmortem.md`,
    );
    const html = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' });
      return { type: response.headers.get('content-type'), text: await response.text() };
    }, `/api/v1/incidents/${fresh}/postmortem.html`);
    expect(html.type).toBe('text/html; charset=utf-8');
    expect(html.text.toLowerCase()).not.toContain('<script');
    expect(html.text).toContain('An index was dropped &lt;script&gt;alert(1)&lt;/script&gt;');
    // Opened as a page with the session cookie, as the export link does.
    await page.goto(`${base}/api/v1/incidents/${fresh}/postmortem.html`);
    expect(await page.locator('h1').textContent()).toBe('Post-mortem: search latency');
    await page.close();
  }, 90_000);
});
