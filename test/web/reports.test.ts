import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';

describe.skipIf(!hasChromium)('the reports page in Chromium', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsole();
    const { t } = harness;
    expect((await t.call('POST', '/api/v1/services', { body: { id: 'checkout', name: 'Checkout' } })).statusCode).toBe(
      201,
    );
    // Detected two hours ago and resolved now: a P1 past its one-hour target; a P3 still open.
    const detectedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const p1 = (
      await t.call('POST', '/api/v1/incidents', {
        body: { title: 'Checkout down', severity: 'P1', services: ['checkout'], detectedAt },
      })
    ).json<{ id: string }>();
    expect((await t.call('POST', `/api/v1/incidents/${p1.id}/acknowledge`, { body: {} })).statusCode).toBe(200);
    expect((await t.call('POST', `/api/v1/incidents/${p1.id}/resolve`, { body: {} })).statusCode).toBe(200);
    expect(
      (
        await t.call('POST', '/api/v1/incidents', {
          body: { title: 'Slow search', severity: 'P3', services: ['checkout'] },
        })
      ).statusCode,
    ).toBe(201);
  }, 180_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  it('shows the reports as SVG charts with tables behind them, for a viewer, and follows the period, zone and grouping picked', async () => {
    const page = await harness.signIn('viewer');
    await page.getByRole('link', { name: /^(Reports|Rapports)$/ }).click();
    await page.waitForURL(/\/reports$/);
    const perWeek = page.getByTestId('chart-per-week');
    await perWeek.waitFor({ timeout: 15_000 });
    // One P1 and one P3 this week: two bars drawn, and the same figures in the screen-reader table.
    expect(await perWeek.locator('svg rect').count()).toBe(2);
    expect(await perWeek.locator('svg').getAttribute('aria-hidden')).toBe('true');
    const weekTable = page.getByTestId('chart-per-week-table');
    expect(await weekTable.locator('th[scope=col]').allTextContents()).toEqual(['P1', 'P2', 'P3', 'P4']);
    // Summed over the weeks shown: run just after Monday midnight, the two may fall in different weeks.
    const cells = await Promise.all(
      (await weekTable.locator('tbody tr').all()).map((row) => row.locator('td').allTextContents()),
    );
    expect([0, 1, 2, 3].map((column) => cells.reduce((sum, row) => sum + Number(row[column]), 0))).toEqual([
      1, 0, 1, 0,
    ]);
    expect(await page.getByTestId('per-week-total').textContent()).toMatch(/^2 incident/);

    const rows = page.getByTestId('response-times-row');
    expect(await rows.first().locator('th').textContent()).toBe('P1');
    // Acknowledged and resolved about two hours after detection: 1 each, in hours.
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      '1',
      '1',
      expect.stringMatching(/^(1 h 59|2 h 00) \//),
      '1',
      expect.stringMatching(/^(1 h 59|2 h 00) \//),
    ]);
    expect(await page.getByTestId('chart-mttr').locator('svg rect').count()).toBe(3);
    expect(
      await page.getByTestId('compliance-table').locator('tbody tr').first().locator('td').allTextContents(),
    ).toEqual(['1', '0', '1', '0', '0', '0%']);
    expect(await page.getByTestId('trends-row').first().locator('th').textContent()).toBe('Checkout');
    expect(await page.getByTestId('chart-trends').locator('svg rect').count()).toBeGreaterThanOrEqual(1);

    await page.getByTestId('report-zone').fill('Asia/Tokyo');
    await page.getByTestId('report-group-by').selectOption('service');
    await page.getByTestId('report-apply').click();
    await page.waitForURL(/timeZone=Asia%2FTokyo/);
    expect(page.url()).toMatch(/groupBy=service/);
    await expect.poll(() => page.getByTestId('reports-period').textContent()).toMatch(/\(Asia\/Tokyo\)$/);
    // The 30 days shown still end today, in Tokyo now: today's incidents are in them at any hour.
    const tokyoTomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(
      new Date(Date.now() + 86_400_000),
    );
    expect(await page.getByTestId('report-to').inputValue()).toBe(tokyoTomorrow);
    await expect.poll(() => rows.first().locator('th').textContent()).toBe('Checkout');
    expect(await rows.first().locator('td').first().textContent()).toBe('2');

    await page.getByTestId('report-zone').fill('Mars/Olympus');
    await page.getByTestId('report-apply').click();
    await expect
      .poll(() => page.getByTestId('reports-error').textContent())
      .toMatch(/invalid report period|unknown time zone/);
    await page.close();
  }, 90_000);
});
