import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetupLink } from '../../src/auth/create-setup-link.js';
import { systemCtx } from '../../src/core/context.js';
import { axeViolations } from '../support/axe.js';
import { chromiumPath, consoleDir, ensureConsoleBuilt, hasChromium } from '../support/browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A phone's width: the page is made for the one in the on-call person's hand. */
const phone = { width: 360, height: 740 };

describe.skipIf(!hasChromium)('the setup link page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    await ensureConsoleBuilt();
    t = await createTestApp('pglite', { config: { consoleDir } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    // Running as root (CI containers) needs --no-sandbox.
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  }, 180_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting them.
    await (browser as Browser | undefined)?.close();
    await (t as TestApp | undefined)?.close();
  });

  /** A new person without a password, and the path of a setup link for them. */
  async function linkForNewUser(username: string): Promise<string> {
    const created = await t.call('POST', '/api/v1/users', {
      body: { username, name: `Setup ${username}`, email: `${username}@example.test`, role: 'admin' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token } = await createSetupLink({
      ctx: systemCtx(t.db, () => new Date(), 'test'),
      input: { userId: created.json<{ id: string }>().id },
    });
    return `/setup?token=${token}`;
  }

  it('lets the person choose a password with the keyboard on a phone, then opens the console signed in', async () => {
    const path = await linkForNewUser('first-admin');
    const page = await browser.newPage({ viewport: phone, locale: 'en-US' });
    await page.goto(`${base}${path}`);
    expect(await page.getByTestId('setup-intro').textContent()).toContain('for the user first-admin');
    expect(await axeViolations(page)).toEqual([]);
    // The password field has the focus: type, Tab to the second one, Enter sends.
    await page.keyboard.type('one password typed here');
    await page.keyboard.press('Tab');
    await page.keyboard.type('another password typed');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('setup-error').textContent()).toContain('The two passwords differ');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('setup-confirm').fill('one password typed here');
    await page.getByTestId('setup-confirm').press('Enter');
    await page.waitForURL(`${base}/`);
    await expect
      .poll(() => page.getByTestId('signed-in-user').textContent(), { timeout: 10_000 })
      .toContain('Setup first-admin');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      payload: { username: 'first-admin', password: 'one password typed here' },
    });
    expect(signIn.statusCode).toBe(200);

    // The same link again, in another browser: it says at once that it was used, in French too.
    const again = await browser.newPage({ viewport: phone, locale: 'fr-FR' });
    await again.goto(`${base}${path}`);
    expect(await again.getByTestId('setup-refused').textContent()).toContain('a déjà servi');
    expect(await again.getByTestId('setup-password').count()).toBe(0);
    expect(await axeViolations(again)).toEqual([]);
    await page.close();
    await again.close();
  }, 90_000);

  it('says a link that is not valid is not, without asking for a password', async () => {
    const page = await browser.newPage({ viewport: phone, locale: 'en-US' });
    await page.goto(`${base}/setup?token=asu_not-a-real-one`);
    expect(await page.getByTestId('setup-refused').textContent()).toContain('This setup link is not valid');
    expect(await page.getByRole('link', { name: 'Go to the sign-in page' }).count()).toBe(1);
    await page.close();
  }, 60_000);
});
