import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackTestSecretKey, ackToken, incidentWithAlert } from '../support/ack-links.js';
import { axeViolations } from '../support/axe.js';
import { hasChromium, launchChromium } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const phone = { width: 390, height: 844 };

/** Elements whose box goes past the right edge of the viewport, and the page's own width. */
function overflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    wider: [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((element) => element.outerHTML.slice(0, 80)),
  }));
}

describe.skipIf(!hasChromium)('the page of an acknowledge link in Chromium, on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // Server-rendered: no console bundle needed, only the app listening and a browser.
    t = await createTestApp('pglite', { config: { secretKey: ackTestSecretKey } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (t as TestApp | undefined)?.close();
  });

  it('shows Acknowledge on the first screen, fits 390 px, passes axe in light and dark, and acknowledges with the keyboard', async () => {
    await t.db.query(`INSERT INTO services (id, name) VALUES ('checkout-api', 'Checkout API') ON CONFLICT DO NOTHING`);
    const incident = await incidentWithAlert(
      t,
      'Checkout answers 502 for every card payment since the 03:00 deploy of checkout-api-v2.14.3-hotfix',
      {
        title: 'HTTP 5xx ratio above 5% on checkout-api (job=checkout,instance=checkout-api-7f9c4d-xk2lp:8080)',
        description: 'See https://grafana.example.com/d/checkout-overview-dashboard-with-a-very-long-url?orgId=1',
      },
      ['checkout-api'],
    );
    const context = await browser.newContext({ viewport: phone, locale: 'en-GB' });
    const page = await context.newPage();
    const token = ackToken(incident.id, t.users.responder.id);
    await page.goto(`${base}/ack/${token}`);

    const acknowledge = page.getByRole('button', { name: 'Acknowledge' });
    const box = await acknowledge.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(phone.height);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await overflow(page)).toEqual({ scrollWidth: phone.width, wider: [] });
    expect(await axeViolations(page)).toEqual([]);
    if (process.env['ACK_PAGE_SCREENSHOTS'] !== undefined)
      await page.screenshot({ path: `${process.env['ACK_PAGE_SCREENSHOTS']}/light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);

    // The first Tab reaches the Acknowledge button: it comes before anything else on the page.
    await page.keyboard.press('Tab');
    expect(await acknowledge.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('You acknowledged this incident at').waitFor();
    // Post, then redirect: reloading the result page does not post again.
    expect(page.url()).toBe(`${base}/ack/${token}?lang=en`);
    expect((await t.call('GET', `/api/v1/incidents/${incident.id}`)).json()).toMatchObject({
      status: 'acknowledged',
    });
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    if (process.env['ACK_PAGE_SCREENSHOTS'] !== undefined)
      await page.screenshot({ path: `${process.env['ACK_PAGE_SCREENSHOTS']}/dark-acknowledged.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('in French, resolves by clicking and then says the incident is resolved, with no button left', async () => {
    const incident = await incidentWithAlert(t, 'File de paiements bloquée', { title: 'retard > 10 min' });
    const context = await browser.newContext({ viewport: phone, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${base}/ack/${ackToken(incident.id, t.users.responder.id)}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByText(/ouvert depuis \d+ min/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Résoudre' }).click();
    await page.getByText('Vous avez résolu cet incident à').waitFor();
    expect((await t.call('GET', `/api/v1/incidents/${incident.id}`)).json()).toMatchObject({ status: 'resolved' });
    expect(await page.getByRole('button').count()).toBe(0);
    expect(await overflow(page)).toEqual({ scrollWidth: phone.width, wider: [] });
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByText('You resolved this incident at').waitFor();
    await context.close();
  });
});
