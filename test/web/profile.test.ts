import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, setUpCall, startConsole, type ConsoleHarness } from '../support/browser.js';
import { openHeaderMenu } from '../support/phone-layout.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';

describe.skipIf(!hasChromium)('the profile page in Chromium', () => {
  let harness: ConsoleHarness;
  let receiver: RecordingServer;

  beforeAll(async () => {
    harness = await startConsole({ config: { secretKey: 'fa'.repeat(32) } });
    receiver = await startRecordingServer();
    await setUpCall(harness.t, 'PUT', '/api/v1/notification-channels/profile-hook', {
      name: 'Hook',
      config: { kind: 'webhook', url: `${receiver.url}/hook`, secret: 'a-secret-of-some-length' },
    });
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
    await (receiver as RecordingServer | undefined)?.close();
  });

  it('sets contacts, time zone and rules per urgency on a phone with the keyboard, previews them in two lanes, sends a test page of each urgency, in English and French', async () => {
    const page = await harness.signIn('responder');
    await page.setViewportSize({ width: 390, height: 844 });
    await openHeaderMenu(page);
    await page.getByRole('link', { name: 'My profile' }).press('Enter');
    await page.getByTestId('profile-phone').waitFor();

    await page.getByTestId('profile-phone').focus();
    await page.keyboard.type('+33612345678');
    await page.getByTestId('profile-timeZone').fill('');
    await page.getByTestId('profile-timeZone').focus();
    await page.keyboard.type('Europe/Paris');
    await page.getByTestId('profile-save-contacts').press('Enter');
    await expect.poll(() => page.getByText('Contacts saved.').count()).toBe(1);

    // The one default rule (e-mail at once, for any page) goes nowhere: no e-mail channel is set
    // up, and both lanes of the preview say so.
    const lane = (urgency: string) =>
      page.locator(
        `[data-testid="rules-timeline-lane"][data-urgency="${urgency}"] [data-testid="rules-timeline-step"]`,
      );
    expect(await lane('high').first().textContent()).toContain('sends nothing');
    expect(await lane('low').first().textContent()).toContain('sends nothing');
    await page.getByTestId('profile-rule-channel').first().selectOption('webhook');
    await page.getByTestId('profile-add-rule').press('Enter');
    await page.getByTestId('profile-rule-channel').nth(1).selectOption('sms');
    await page.getByTestId('profile-rule-delay').nth(1).fill('10');
    await page.getByTestId('profile-rule-urgency').nth(1).focus();
    await page.keyboard.press('ArrowDown'); // any → high
    await page.getByTestId('profile-rule-delay').first().fill('2');
    // In firing order, whatever the order typed; the SMS rule only in the high lane.
    await expect
      .poll(() => lane('high').allTextContents())
      .toEqual([
        expect.stringMatching(/^At 2 min.*Signed HTTP webhook/),
        expect.stringMatching(/^At 10 min.*SMS.*sends nothing: no SMS.* channel is set up/),
      ]);
    expect(await lane('low').allTextContents()).toEqual([expect.stringMatching(/^At 2 min.*Signed HTTP webhook/)]);
    await page.getByTestId('profile-save-rules').press('Enter');
    await expect.poll(() => page.getByText('Rules saved.').count()).toBe(1);
    const saved = await harness.t.call('GET', `/api/v1/users/${harness.t.users.responder.id}/notification-rules`);
    expect(saved.json<{ rules: unknown }>().rules).toEqual([
      { channel: 'webhook', delayMinutes: 2 },
      { channel: 'sms', delayMinutes: 10, urgency: 'high' },
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // A high-urgency test first (the default), then a low one: only the rules for it send.
    const before = receiver.requests.length;
    const outcomes = page.getByTestId('profile-test-rule');
    const outcomesOf = () => outcomes.evaluateAll((items) => items.map((item) => item.getAttribute('data-outcome')));
    await page.getByTestId('profile-test-page').press('Enter');
    await expect.poll(outcomesOf).toEqual(['sent', 'no-channel']);
    expect(receiver.requests.length).toBe(before + 1);
    await page.getByTestId('profile-test-urgency').selectOption('low');
    await page.getByTestId('profile-test-page').press('Enter');
    await expect.poll(outcomesOf).toEqual(['sent']);
    expect(await page.getByTestId('profile-test-outcome').textContent()).toContain('Tried as a low-urgency page');
    expect(receiver.requests.length).toBe(before + 2);
    expect(await axeViolations(page)).toEqual([]);

    // Opened by its address (a test page's message links to it), the profile shows the saved rules.
    await page.goto(`${harness.base}/profile`);
    await expect.poll(() => lane('low').allTextContents()).toEqual([expect.stringMatching(/^At 2 min/)]);

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mon profil');
    expect(await page.getByTestId('profile-test-page').textContent()).toBe("M'envoyer un appel de test");
    expect(await page.getByRole('heading', { name: 'Un appel en urgence haute (P1, P2)' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  }, 120_000);

  it("shows an admin someone's profile from the users list, the same editor with their rules", async () => {
    const page = await harness.signIn('admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.base}/admin/users`);
    const viewer = page.locator('[data-testid="user-row"][data-username="viewer"]');
    await viewer.getByRole('link').press('Enter');
    await page.getByTestId('profile').waitFor();
    expect(page.url()).toBe(`${harness.base}/admin/users/${harness.t.users.viewer.id}`);
    expect(await page.getByTestId('profile-test-page').textContent()).toMatch(/^Send .+ a test page$/);
    expect(await page.getByTestId('profile-rule').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
