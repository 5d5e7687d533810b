import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOidcProvider, type LocalOidcProvider } from '../auth/local-oidc-provider.js';
import { chromiumPath, consoleDir, ensureConsoleBuilt, hasChromium } from '../support/browser.js';
import { closedLoopbackPort } from '../support/loopback-servers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.skipIf(!hasChromium)('single sign-on in Chromium', () => {
  let provider: LocalOidcProvider;
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    await ensureConsoleBuilt();
    const port = await closedLoopbackPort();
    base = `http://127.0.0.1:${port}`;
    provider = await startLocalOidcProvider({
      clientId: 'astreinte',
      clientSecret: 'browser-test-secret',
      redirectUris: [`${base}/auth/oidc/callback`],
    });
    provider.accounts.set('dana-sub', { name: 'Dana Browser', email: 'dana@example.test', groups: ['oncall'] });
    provider.accounts.set('eve-sub', { name: 'Eve', email: 'eve@example.test', groups: ['sales'] });
    t = await createTestApp('pglite', {
      config: {
        consoleDir,
        publicUrl: base,
        oidcIssuer: provider.issuer,
        oidcClientId: 'astreinte',
        oidcClientSecret: 'browser-test-secret',
        oidcScopes: 'openid profile email groups',
        oidcRoleMap: 'responder=oncall',
        oidcButtonLabel: 'Test IdP',
      },
    });
    await t.app.listen({ port, host: '127.0.0.1' });
    // Running as root (CI containers) needs --no-sandbox.
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting them.
    await (browser as Browser | undefined)?.close();
    await (t as TestApp | undefined)?.close();
    await (provider as LocalOidcProvider | undefined)?.close();
  });

  it('signs in through the provider and lands on the page that asked for it', async () => {
    const page = await browser.newPage();
    provider.next = { accountId: 'dana-sub' };
    await page.goto(`${base}/services`);
    await page.waitForURL(`${base}/sign-in?next=%2Fservices`);
    const button = page.getByTestId('sign-in-oidc');
    expect(await button.textContent()).toMatch(/^(Sign in with|Se connecter avec) Test IdP$/);
    await button.click();
    await page.waitForURL(`${base}/services`);
    await expect
      .poll(() => page.getByTestId('signed-in-user').textContent(), { timeout: 10_000 })
      .toContain('Dana Browser');
    await page.close();
  }, 60_000);

  it("shows why the provider's person was refused, in words", async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    provider.next = { accountId: 'eve-sub' };
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('sign-in-oidc').click();
    await page.waitForURL(`${base}/sign-in?error=oidc_no_role`);
    expect(await page.getByTestId('sign-in-error').textContent()).toContain(
      'in no group that gives access to Astreinte',
    );
    // The password form stays usable.
    expect(await page.getByTestId('sign-in-username').isVisible()).toBe(true);
    await page.close();
  }, 60_000);
});
