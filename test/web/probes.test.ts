import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import { seedBytes, seedsAvailable } from '../support/seeds.js';

/** A local health page answering what a healthy API would: 200 and its database connected. */
async function startHealthPage(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"database":"connected"}'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The page's layout fits a phone: nothing to scroll sideways to. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!hasChromium)('the probes pages in Chromium', () => {
  let harness: ConsoleHarness;
  let health: Awaited<ReturnType<typeof startHealthPage>>;

  beforeAll(async () => {
    // A key: probes holding credentials (a Redis URL) are sealed with it.
    harness = await startConsole({ config: { secretKey: 'ab'.repeat(32), probeTickMs: 200 } });
    health = await startHealthPage();
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
    await (health as { close: () => Promise<void> } | undefined)?.close();
  });

  it('creates an HTTP probe on a phone, tests it (one condition holds, one fails), saves, sees its checks, edits it, in English and French', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin`);
    await page.getByTestId('admin-nav-probes').click();
    await page.getByTestId('probe-new').click();
    const form = page.getByTestId('probe-form');
    await form.waitFor();
    // The kinds and their fields come from the API: HTTP(S) first, its URL and method among them.
    expect(await page.getByTestId('probe-kind').inputValue()).toBe('http');
    expect(await page.getByTestId('target-method').evaluate((select: HTMLSelectElement) => select.options.length)).toBe(
      8,
    );
    await page.getByTestId('probe-name').focus();
    await page.keyboard.type('API health');
    await page.getByTestId('target-url').fill(health.url);
    expect(await page.getByTestId('probe-condition').first().inputValue()).toBe('[STATUS] < 400');
    await page.getByTestId('probe-condition-add').press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('probe-condition');
    await page.keyboard.type('$.database == disconnected');
    await page.getByTestId('probe-intervalSeconds').fill('5');

    await page.getByTestId('probe-test').press('Enter');
    const verdicts = page.getByTestId('probe-verdict-condition');
    await expect.poll(() => verdicts.count()).toBe(2);
    expect(await verdicts.nth(0).getAttribute('data-passed')).toBe('true');
    expect(await verdicts.nth(1).getAttribute('data-passed')).toBe('false');
    // What was seen against what was expected.
    expect(await verdicts.nth(1).textContent()).toContain('connected');
    expect(await page.getByTestId('probe-verdict-summary').getAttribute('data-passed')).toBe('false');
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    await page.getByTestId('probe-condition').nth(1).fill('$.database == connected');
    await page.getByTestId('probe-test').press('Enter');
    await expect.poll(() => page.getByTestId('probe-verdict-summary').getAttribute('data-passed')).toBe('true');
    await page.getByTestId('probe-save').press('Enter');

    await page.getByTestId('probe-page').waitFor();
    expect(await page.getByTestId('probe-title').textContent()).toBe('API health');
    // The probes loop checks it: its strip fills (the page reads again every 15 s; reloading is quicker).
    await expect
      .poll(
        async () => {
          await page.reload();
          return Number(await page.getByTestId('probe-strip').getAttribute('data-checks'));
        },
        { timeout: 45_000, interval: 2_000 },
      )
      .toBeGreaterThan(0);
    expect(await page.getByTestId('probe-strip').getAttribute('data-failures')).toBe('0');
    expect(await page.locator('[data-testid="probe-uptime"] li[data-window="24h"]').getAttribute('data-percent')).toBe(
      '100',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    await page.getByTestId('probe-edit').press('Enter');
    await page.getByTestId('probe-name').fill('API health page');
    expect(await page.getByTestId('target-url').inputValue()).toBe(health.url);
    await page.getByTestId('probe-save').press('Enter');
    await page.getByTestId('probe-title').filter({ hasText: 'API health page' }).waitFor();

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sondes');
    expect(await page.getByRole('heading', { name: 'Disponibilité' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');

    await page.goto(`${harness.base}/probes`);
    const card = page.getByTestId('probe-card').filter({ hasText: 'API health page' });
    await card.waitFor();
    expect(await card.textContent()).toContain(health.url);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 150_000);

  it.skipIf(!seedsAvailable)(
    "fills the form from a seed runbook's suggested probe, saves it, and deletes it after asking",
    async () => {
      const imported = await harness.t.call('POST', '/api/v1/runbook-sources', {
        token: harness.t.users.responder.token,
        body: { filename: '001.md', contentBase64: seedBytes('001').toString('base64') },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const page = await harness.signIn('admin');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${harness.base}/runbooks/cache-redis-down`);
      await page.getByTestId('runbook-probe-suggestions').click();
      const suggestion = page.getByTestId('probe-suggestion').filter({ hasText: 'redis-cli' }).first();
      await suggestion.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await suggestion.getByTestId('probe-suggestion-use').press('Enter');
      // The suggestion fills the form, its connection URL included, and the keyboard goes on there.
      await expect.poll(() => page.getByTestId('probe-kind').inputValue()).toBe('redis');
      expect(await page.getByTestId('target-url').inputValue()).toBe('redis://akig-cache:6379');
      expect(await page.getByTestId('probe-labels').inputValue()).toBe('runbook=cache-redis-down');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('probe-name');
      const name = await page.getByTestId('probe-name').inputValue();
      await page.getByTestId('probe-enabled').uncheck();
      await page.getByTestId('probe-save').press('Enter');

      await page.getByTestId('probe-page').waitFor();
      expect(await page.getByTestId('probe-title').textContent()).toBe(name);
      expect(await page.getByTestId('probe-page').textContent()).toContain('redis://akig-cache:6379');
      await page.getByTestId('probe-delete').press('Enter');
      await page.getByTestId('probe-delete-confirm').press('Enter');
      await page.waitForURL(`${harness.base}/probes`);
      await page.getByTestId('probe-card').first().waitFor();
      expect(await page.getByTestId('probe-card').filter({ hasText: name }).count()).toBe(0);
      await page.close();
    },
    90_000,
  );
});
