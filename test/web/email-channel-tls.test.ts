import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import { issueCertificate, makeCertificateAuthority } from '../support/tls-certificates.js';
import { startTlsRelay, type TlsRelay } from '../support/tls-smtp-server.js';

describe.skipIf(!hasChromium)('an e-mail channel through a relay with a private CA, in Chromium', () => {
  const ca = makeCertificateAuthority('Console Test CA');
  let harness: ConsoleHarness;
  let relay: TlsRelay;

  beforeAll(async () => {
    harness = await startConsole({ config: { secretKey: 'cd'.repeat(32) } });
    relay = await startTlsRelay(issueCertificate(ca));
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
    await (relay as TlsRelay | undefined)?.close();
  });

  it('takes the CA as pasted PEM on a phone, tests it, and warns when certificates go unchecked, in English and French', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin`);
    await page.getByTestId('admin-nav-notification-channels').click();
    await page.getByTestId('channel-create-form').waitFor();
    await page.getByTestId('channel-kind').selectOption('email');
    await page.getByTestId('channel-id').fill('relay');
    await page.getByTestId('channel-name').fill('Private relay');
    await page.getByTestId('config-host').fill('127.0.0.1');
    await page.getByTestId('config-port').fill(String(relay.port));
    await page.getByTestId('config-from').fill('astreinte@example.test');
    await page.getByTestId('config-requireTls').check();
    // Several lines: a text area, so the PEM keeps its line breaks.
    const pem = page.getByTestId('config-caCertificates');
    expect(await pem.evaluate((element) => element.tagName)).toBe('TEXTAREA');
    await pem.fill(ca.cert);
    expect(await page.getByTestId('channel-create-form').textContent()).toContain('DANGEROUS');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('channel-save').press('Enter');

    const card = page.locator('[data-testid="channel-card"][data-channel-id="relay"]');
    await card.waitFor();
    await card.getByTestId('channel-test').press('Enter');
    await expect.poll(() => card.getByTestId('channel-test-outcome').textContent()).toMatch(/^Test sent to /);
    expect(await card.getByTestId('channel-test-warning').count()).toBe(0);
    expect(relay.received.at(-1)?.tls).toBe(true);

    await card.getByTestId('channel-edit').press('Enter');
    const edit = page.getByTestId('channel-edit-form');
    await edit.getByTestId('config-caCertificates').fill('');
    await edit.getByTestId('config-allowInvalidCertificates').check();
    await edit.getByTestId('channel-save').press('Enter');
    await edit.waitFor({ state: 'detached' });
    await card.getByTestId('channel-test').press('Enter');
    await expect.poll(() => card.getByTestId('channel-test-warning').textContent()).toContain('not verified');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await card.getByTestId('channel-test-warning').textContent()).toMatch(/^ ?Attention : /);
    await card.getByTestId('channel-edit').press('Enter');
    expect(await page.getByTestId('channel-edit-form').textContent()).toContain('DANGEREUX');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  }, 120_000);
});
