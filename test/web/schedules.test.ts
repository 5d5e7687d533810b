import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

/** A local date in Paris, `days` after today there: `2026-12-08`. */
function parisDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

describe.skipIf(!hasChromium)('the schedule pages in Chromium', () => {
  let harness: ConsoleHarness;
  const t = (): TestApp => harness.t;

  beforeAll(async () => {
    harness = await startConsole();
    const saved = await t().call('PUT', '/api/v1/schedules/paris-support', {
      body: {
        name: 'Paris support',
        definition: {
          timeZone: 'Europe/Paris',
          layers: [
            {
              id: 'days',
              name: 'Every day',
              rotation: { kind: 'daily', handoffTime: '09:00' },
              startsAt: '2026-01-01T00:00:00+01:00',
              participants: [t().users.responder.id, t().users.admin.id],
            },
            {
              id: 'weekend',
              name: 'Weekends',
              rotation: { kind: 'weekly', handoffTime: '09:00', handoffWeekday: 6 },
              startsAt: '2026-01-01T00:00:00+01:00',
              participants: [t().users.viewer.id],
              restrictions: [{ weekdays: [6, 7], from: '09:00', to: '18:00' }],
            },
          ],
          overrides: [],
        },
      },
    });
    if (saved.statusCode !== 201) throw new Error(`schedule not saved: ${saved.statusCode} ${saved.body}`);
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
  });

  it('shows two weeks on a phone, with today and a 23-hour clock-change day, adds and removes an override from the keyboard, in English and French', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/on-call`);
    await page.getByRole('link', { name: 'Paris support' }).click();
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('tl-day').count()).toBe(14);
    expect(await page.locator('[data-testid="tl-day"][aria-current="date"]').getAttribute('data-date')).toBe(
      parisDate(0),
    );
    expect(await page.getByTestId('tl-layer').count()).toBe(2);
    const final = page.getByTestId('tl-final').getByTestId('tl-block');
    expect(await final.count()).toBeGreaterThan(10);
    expect(await page.getByTestId('tl-final').textContent()).toContain('Test responder');
    expect(await axeViolations(page)).toEqual([]);
    // The two weeks scroll inside the chart; the page itself is no wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Put the viewer on call tomorrow 10:00–14:00 Paris time, from the keyboard.
    await page.getByTestId('override-user').selectOption({ label: 'Test viewer' });
    await page.getByTestId('override-from').fill(`${parisDate(1)}T10:00`);
    await page.getByTestId('override-to').fill(`${parisDate(1)}T14:00`);
    await page.getByTestId('override-reason').focus();
    await page.keyboard.type('dentist');
    await page.keyboard.press('Enter');
    await page.getByTestId('override-added').waitFor();
    await page.getByTestId('tl-overrides').waitFor();
    const stored = (await t().call('GET', '/api/v1/schedules/paris-support')).json().definition.overrides;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ userId: t().users.viewer.id, reason: 'dentist' });
    expect(Date.parse(stored[0].endsAt) - Date.parse(stored[0].startsAt)).toBe(4 * 3_600_000);
    expect(
      await page.locator(`[data-testid="tl-final"] [data-user-id="${t().users.viewer.id}"].tl-override`).count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('override-remove').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // focus moved to "Yes, remove"
    await page.getByText('No override now or to come.').waitFor();
    expect((await t().call('GET', '/api/v1/schedules/paris-support')).json().definition.overrides).toEqual([]);

    // Spring 2027: Sunday 28 March lasts 23 hours in Paris, and its column says so.
    await page.goto(`${harness.base}/schedules/paris-support?from=2027-03-21T23:00:00Z`);
    const dst = page.locator('[data-testid="tl-day"][data-date="2027-03-28"]');
    expect(await dst.getByTestId('tl-dst').textContent()).toBe(' 23 h (clock change)');
    expect(await page.getByTestId('tl-dst').count()).toBe(1);

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Les deux prochaines semaines');
    expect(await dst.getByTestId('tl-dst').textContent()).toBe(' 23 h (changement d’heure)');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  }, 120_000);

  it('lets the person on call ask for cover and someone else take it, which puts them on call', async () => {
    const asking = await harness.signIn('responder');
    await asking.setViewportSize({ width: 390, height: 844 });
    await asking.goto(`${harness.base}/schedules/paris-support`);
    await asking.getByTestId('swap-submit').focus();
    await asking.keyboard.press('Enter');
    await asking.getByTestId('swap-asked').waitFor();
    expect(await asking.getByTestId('swap-status').textContent()).toBe('looking for cover');
    expect(await axeViolations(asking)).toEqual([]);
    await asking.close();

    const taking = await harness.signIn('admin');
    await taking.setViewportSize({ width: 390, height: 844 });
    await taking.goto(`${harness.base}/schedules/paris-support`);
    await taking.getByTestId('swap-take').focus();
    await taking.keyboard.press('Enter');
    await expect.poll(() => taking.getByTestId('swap-status').textContent()).toBe('taken');
    expect(await taking.getByTestId('override-item').textContent()).toContain('(swap: covers Test responder)');
    const swaps = (await t().call('GET', '/api/v1/schedules/paris-support/swaps')).json();
    expect(swaps[0]).toMatchObject({ status: 'taken', takenBy: t().users.admin.id });
    await taking.close();
  }, 90_000);

  it('creates a schedule whose preview follows the fields before it is saved', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin`);
    await page.getByTestId('admin-nav-schedules').click();
    await page.getByTestId('schedule-new').click();
    await page.getByTestId('schedule-id').fill('lyon-nights');
    await page.getByTestId('schedule-name').fill('Lyon nights');
    await page.getByTestId('schedule-zone').fill('Europe/Paris');
    // Nobody yet: the preview says the server's reason and draws nothing on call.
    await page.getByTestId('preview-error').waitFor();
    await page.getByTestId('participant-select').selectOption({ label: 'Test responder' });
    await page.getByTestId('participant-add').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('participant-select').selectOption({ label: 'Test viewer' });
    await page.getByTestId('participant-add').click();
    const finalRow = page.getByTestId('tl-final');
    await expect.poll(() => finalRow.textContent()).toContain('Test viewer');
    expect(await page.getByTestId('preview-error').count()).toBe(0);
    // Nights only: the preview gains gaps (nobody) during the day.
    await page.getByTestId('restriction-add').click();
    await page.getByTestId('restriction-from').fill('19:00');
    await page.getByTestId('restriction-to').fill('07:00');
    await expect.poll(() => finalRow.getByText('Nobody').count()).toBeGreaterThan(5);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId('schedule-save').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${harness.base}/schedules/lyon-nights`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lyon nights');
    const saved = (await t().call('GET', '/api/v1/schedules/lyon-nights')).json();
    expect(saved.definition.layers[0]).toMatchObject({
      rotation: { kind: 'weekly', handoffTime: '09:00', handoffWeekday: 1 },
      participants: [t().users.responder.id, t().users.viewer.id],
      restrictions: [{ weekdays: [1, 2, 3, 4, 5], from: '19:00', to: '07:00' }],
    });
    await page.close();
  }, 120_000);
});
