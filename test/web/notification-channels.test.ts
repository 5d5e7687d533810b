import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { webhookSignedWith } from '../support/webhook-check.js';

const secret = 'the-webhook-secret-typed-once';

describe.skipIf(!hasChromium)('the notification channels page in Chromium', () => {
  let harness: ConsoleHarness;
  let receiver: RecordingServer;

  beforeAll(async () => {
    harness = await startConsole({ config: { secretKey: 'ef'.repeat(32) } });
    receiver = await startRecordingServer();
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
    await (receiver as RecordingServer | undefined)?.close();
  });

  it('adds a webhook channel from its generated form on a phone, tests it, edits it keeping its secret, in English and French', async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin`);
    await page.getByTestId('admin-nav-notification-channels').click();
    const create = page.getByTestId('channel-create-form');
    await create.waitFor();
    await page.getByTestId('channel-kind').selectOption('webhook');
    await page.getByTestId('channel-id').focus();
    await page.keyboard.type('ops-hook');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ops hook');
    await page.getByTestId('config-url').fill(`${receiver.url}/hook`);
    await page.getByTestId('config-secret').fill(secret);
    expect(await page.getByTestId('config-secret').getAttribute('type')).toBe('password');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('channel-save').press('Enter');

    const card = page.locator('[data-testid="channel-card"][data-channel-id="ops-hook"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Signed HTTP webhook');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await card.getByTestId('channel-test').press('Enter');
    await expect.poll(() => card.getByTestId('channel-test-outcome').textContent()).toBe('Test sent.');
    const sent = receiver.requests.at(-1)!;
    expect(sent.headers['x-astreinte-event']).toBe('channel.test');

    receiver.replyNext({ status: 500, body: 'receiver broken' });
    await card.getByTestId('channel-test').press('Enter');
    await expect
      .poll(() => card.getByTestId('channel-test-outcome').textContent())
      .toMatch(/^The test failed: .*HTTP 500/);
    expect(await axeViolations(page)).toEqual([]);

    // Editing: the secret is never shown; left empty, the stored one is kept.
    await card.getByTestId('channel-edit').press('Enter');
    const edit = page.getByTestId('channel-edit-form');
    expect(await edit.getByTestId('config-secret').inputValue()).toBe('');
    expect(await edit.textContent()).toContain('leave empty to keep the one stored');
    await edit.getByTestId('channel-name').fill('Ops webhook');
    await edit.getByTestId('channel-save').press('Enter');
    await page
      .locator('[data-testid="channel-card"][data-channel-id="ops-hook"] h2', { hasText: 'Ops webhook' })
      .waitFor();
    await card.getByTestId('channel-test').press('Enter');
    await expect.poll(() => card.getByTestId('channel-test-outcome').textContent()).toBe('Test sent.');
    const again = receiver.requests.at(-1)!;
    expect(webhookSignedWith(again, secret)).toEqual({ valid: true });

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Canaux de notification');
    expect(await card.getByTestId('channel-test').textContent()).toBe('Envoyer un essai');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  }, 120_000);

  it('deletes a channel after asking, and shows why one with deliveries on record cannot be', async () => {
    const t = harness.t;
    for (const id of ['spare-hook', 'used-hook'])
      expect(
        (
          await t.call('PUT', `/api/v1/notification-channels/${id}`, {
            body: { name: id, config: { kind: 'webhook', url: `${receiver.url}/${id}`, secret } },
          })
        ).statusCode,
      ).toBe(201);
    await t.db.query(
      `INSERT INTO notification_deliveries (id, channel_id, kind, recipient, status, message, created_at, updated_at)
       VALUES ('web-used', 'used-hook', 'page', 'someone', 'sent', '{}', now(), now())`,
    );
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin/notification-channels`);
    const spare = page.locator('[data-testid="channel-card"][data-channel-id="spare-hook"]');
    await spare.getByTestId('channel-delete').click();
    await spare.getByTestId('channel-delete-confirm').press('Enter');
    await spare.waitFor({ state: 'detached' });
    const used = page.locator('[data-testid="channel-card"][data-channel-id="used-hook"]');
    await used.getByTestId('channel-delete').click();
    await used.getByTestId('channel-delete-confirm').click();
    await expect.poll(() => used.locator('[role="alert"]').textContent()).toContain('disable it instead');
    await page.close();
  }, 60_000);
});
