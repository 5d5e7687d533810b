import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumPath, hasChromium } from '../support/browser.js';
import {
  adoptDraft,
  chooseFirstPassword,
  importSeeds,
  openAdminSection,
  signOutAndIn,
} from '../support/journey-first-steps.js';
import { startFirstStartServer, type FirstStartServer } from '../support/journey-server.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { seedsAvailable } from '../support/seeds.js';

const adminPassword = 'the first admin chose this one';

describe.skipIf(!hasChromium || !seedsAvailable)('the whole setup journey in Chromium, with no API call', () => {
  let server: FirstStartServer;
  let receiver: RecordingServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, receiver] = await Promise.all([startFirstStartServer(), startRecordingServer()]);
    // Running as root (CI containers) needs --no-sandbox.
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  }, 180_000);
  afterAll(async () => {
    // Each is unset when beforeAll failed before starting it.
    await (browser as Browser | undefined)?.close();
    await (receiver as RecordingServer | undefined)?.close();
    await (server as FirstStartServer | undefined)?.stop();
  });

  it('takes a fresh server from its setup link to paging the person on call, on a phone', async () => {
    const started = performance.now();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    await chooseFirstPassword(page, server.setupLink, adminPassword);
    await signOutAndIn(page, 'admin', adminPassword);
    await importSeeds(page);
    await openAdminSection(page, 'From your runbooks');
    await adoptDraft(page, 'Classification des Incidents');
    await adoptDraft(page, 'Checklist de Résolution');
    console.log(`setup journey in the browser: ${Math.round((performance.now() - started) / 1000)} s`);
    await page.close();
  }, 600_000);
});
