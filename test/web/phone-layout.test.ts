import { appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, setUpCall, useConsole, type ConsoleHarness } from '../support/browser.js';
import { elementsWiderThanViewport, measurePhoneLayout, type PhoneFigures } from '../support/phone-layout.js';

const phone = { width: 390, height: 844 };
/** A word no line can break: a log line, a URL, a stack frame pasted into a note. */
const unbroken = `https://grafana.example.net/d/checkout-latency?orgId=1&from=now-6h&to=now&var-pod=${'checkout-7f9c'.repeat(12)}`;

/**
 * The figures and a screenshot of the first screen, kept for the before/after comparison when
 * ASTREINTE_PHONE_FIGURES names a file (the screenshots go beside it).
 */
async function keep(page: Page, name: string): Promise<PhoneFigures> {
  const figures = await measurePhoneLayout(page);
  const file = process.env['ASTREINTE_PHONE_FIGURES'];
  if (file !== undefined) {
    appendFileSync(file, `${JSON.stringify({ name, ...figures })}\n`);
    await page.screenshot({ path: join(dirname(file), `${name}.png`) });
  }
  return figures;
}

/** Presses Tab until the focused element has the test id; fails if it is never reached. */
async function tabToTestId(page: Page, testId: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

describe.skipIf(!hasChromium)('the console on a phone (390×844) in Chromium', () => {
  let longId = '';
  // One incident with a long history (notes, updates, a pasted URL), among others on the list.
  const harness = useConsole(async ({ t }) => {
    await setUpCall(t, 'PUT', '/api/v1/escalation-policies/checkout-night', {
      name: 'Checkout at night',
      levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: t.users.responder.id }] }],
    });
    for (const [id, name] of [
      ['checkout', 'Checkout'],
      ['payments', 'Payments gateway'],
      ['search', 'Search'],
    ])
      await setUpCall(t, 'POST', '/api/v1/services', { id, name });
    for (const title of ['Search index stale', 'Card payments time out'])
      await setUpCall(t, 'POST', '/api/v1/incidents', { title, severity: 'P3', services: ['search'] });
    const declared = await t.call('POST', '/api/v1/incidents', {
      body: {
        title: 'Checkout answers in 9 s for every customer paying by card in the EU region',
        severity: 'P1',
        services: ['checkout', 'payments', 'search'],
        summary: `Latency alerts on checkout since 02:51; see ${unbroken}`,
      },
    });
    longId = declared.json<{ id: string }>().id;
    for (let note = 1; note <= 60; note += 1) {
      const text =
        note % 10 === 0
          ? `Dashboard: ${unbroken}`
          : `Note ${note}: restarted checkout-worker-${note}, latency still above 8 s.\nNext: drain the node.`;
      await setUpCall(t, 'POST', `/api/v1/incidents/${longId}/notes`, { text });
    }
    await setUpCall(t, 'POST', `/api/v1/incidents/${longId}/status-updates`, {
      message: `Card payments are slow; we are on it. ${unbroken}`,
      phase: 'identified',
    });
  });

  const phonePage = async (path: string): Promise<Page> => {
    const { base, signIn }: ConsoleHarness = harness();
    const page = await signIn('responder');
    await page.setViewportSize(phone);
    await page.goto(`${base}${path}`);
    return page;
  };

  it('shows the first incident of the list on the first screen, nothing wider than the phone, and passes axe', async () => {
    const page = await phonePage('/');
    await page.getByTestId('incident-row').first().waitFor();
    const figures = await keep(page, 'list');
    expect(figures.firstRowBottom).toBeLessThanOrEqual(phone.height);
    expect(figures.documentWidth).toBeLessThanOrEqual(phone.width);
    expect(await elementsWiderThanViewport(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // Unfolded, the declare form and the filters fit the phone too.
    for (const fold of ['declare-fold', 'filters-fold']) {
      await page.getByTestId(fold).locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await page.getByTestId(fold).getAttribute('open')).toBe('');
    }
    await page.getByTestId('filter-service').waitFor();
    expect(await elementsWiderThanViewport(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('puts the state and Acknowledge of a long incident on the first screen, wraps its timeline, and acknowledges from the keyboard', async () => {
    const page = await phonePage(`/incidents/${longId}`);
    await expect.poll(() => page.getByTestId('timeline-event').count(), { timeout: 10_000 }).toBeGreaterThan(60);
    const figures = await keep(page, 'incident');
    expect(figures.acknowledgeBottom).toBeLessThanOrEqual(phone.height);
    for (const button of ['action-resolve', 'action-escalate']) {
      const box = await page.getByTestId(button).boundingBox();
      expect(box!.y + box!.height, button).toBeLessThanOrEqual(phone.height);
    }
    expect(await page.getByTestId('incident-status').first().isVisible()).toBe(true);
    const status = await page.getByTestId('incident-status').first().boundingBox();
    expect(status!.y + status!.height).toBeLessThanOrEqual(phone.height);
    expect(figures.documentWidth).toBeLessThanOrEqual(phone.width);
    expect(await elementsWiderThanViewport(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await tabToTestId(page, 'action-acknowledge');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('incident-status').first().getAttribute('data-status'), { timeout: 10_000 })
      .toBe('acknowledged');

    // Escalate opens under the buttons: the policy, why, and paging it again from its first level.
    await tabToTestId(page, 'action-escalate');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('action-escalate').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByTestId('escalate-policy').inputValue()).toBe('checkout-night');
    await page.getByTestId('escalate-reason').focus();
    await page.keyboard.type('Nobody answers on the checkout line');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('escalate-done').textContent(), { timeout: 10_000 })
      .toBe('Paging Checkout at night again from its first level.');
    await expect
      .poll(() => page.locator('[data-testid="timeline-event"][data-type="escalation_started"]').count())
      .toBeGreaterThan(0);
    expect(await elementsWiderThanViewport(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('opens and closes the menu from the keyboard, reaches an admin page through it, and reads it in French', async () => {
    const { base, signIn } = harness();
    const page = await signIn('admin');
    await page.setViewportSize(phone);
    await page.goto(`${base}/`);
    const toggle = page.getByTestId('menu-toggle');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('header nav a[href="/admin"]').isVisible()).toBe(false);

    await tabToTestId(page, 'menu-toggle');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('header nav a[href="/admin"]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-toggle');
    expect(await page.locator('header nav a[href="/admin"]').isVisible()).toBe(false);

    await page.keyboard.press('Enter');
    await page.locator('header nav a[href="/admin"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/admin`);
    // Following a link closes the menu: the page it opened is what the person wants to see.
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await page.getByTestId('admin-nav-teams').waitFor();
    const figures = await keep(page, 'admin');
    expect(figures.documentWidth).toBeLessThanOrEqual(phone.width);
    expect(await elementsWiderThanViewport(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('language-switcher').selectOption('fr');
    await expect.poll(() => toggle.textContent()).toBe('Menu');
    await toggle.click();
    expect(await page.getByTestId('sign-out').textContent()).toBe('Se déconnecter');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  }, 90_000);
});
