import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { hasChromium, launchChromium } from '../support/browser.js';
import {
  adoptDraft,
  chooseFirstPassword,
  importSeeds,
  openAdminSection,
  signOutAndIn,
  startFirstStartServer,
  type FirstStartServer,
} from '../support/journey-first-steps.js';
import {
  adoptEscalationMatrix,
  createPeople,
  createWebhookChannel,
  createWeeklySchedule,
  pageThrough,
  setServicePolicy,
  testAlertThroughNewIntegration,
} from '../support/journey-oncall-steps.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { seedsAvailable } from '../support/seeds.js';
import { webhookSignedWith } from '../support/webhook-check.js';

const adminPassword = 'the first admin chose this one';
const webhookSecret = 'the receiver checks this signature';
const people = [
  { username: 'ines', name: 'Inès Laurent' },
  { username: 'tom', name: 'Tom Berger' },
] as const;
const schedule = { id: 'ops-weekly', name: 'Ops weekly', people };
// The demo's service (`serve --demo`), and seed 002's matrix: "Équipe opérations" is the
// schedule, "Lead développeur" a demo responder, "CTO / Architecte" the first admin.
const service = 'Checkout API';
const matrix = { title: 'Contacts & Escalade', targets: [schedule.name, 'Noah Keller', 'Administrator'] };

type WebhookBody = { event: string; recipient: { name: string | null } | null; incident?: { title?: string } };

describe.skipIf(!hasChromium || !seedsAvailable)('the whole setup journey in Chromium, with no API call', () => {
  let server: FirstStartServer;
  let receiver: RecordingServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, receiver, browser] = await Promise.all([
      startFirstStartServer(),
      startRecordingServer(),
      launchChromium(),
    ]);
  }, 180_000);
  afterAll(async () => {
    // Each is unset when beforeAll failed before starting it.
    await (browser as Browser | undefined)?.close();
    await (receiver as RecordingServer | undefined)?.close();
    await (server as FirstStartServer | undefined)?.stop();
  });

  it('takes a fresh server from its setup link to paging the person on call through a webhook, on a phone', async () => {
    const started = performance.now();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    await chooseFirstPassword(page, server.setupLink, adminPassword);
    await signOutAndIn(page, 'admin', adminPassword);
    await importSeeds(page);
    // The import's report points to where its drafts are adopted.
    await page.getByRole('link', { name: /^Adopt what they found/ }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'From your runbooks' }).waitFor();
    await adoptDraft(page, 'Classification des Incidents');
    await adoptDraft(page, 'Checklist de Résolution');
    await createPeople(page, people);
    await createWeeklySchedule(page, schedule);
    await adoptEscalationMatrix(page, matrix.title, matrix.targets);
    expect(await axeViolations(page)).toEqual([]);
    const onCall = await setServicePolicy(page, { name: service, policy: matrix.title, schedule: schedule.name });
    expect(people.map((person) => person.name)).toContain(onCall);
    await createWebhookChannel(page, {
      id: 'ops-receiver',
      name: 'Ops receiver',
      url: `${receiver.url}/pages`,
      secret: webhookSecret,
    });
    await pageThrough(page, onCall, 'Signed HTTP webhook');
    await testAlertThroughNewIntegration(page, 'Alertmanager prod', service);

    // The receiver is the only thing read outside the browser: the page must reach it, signed.
    await expect
      .poll(
        () =>
          receiver.requests
            .map((request) => ({ request, body: JSON.parse(request.body) as WebhookBody }))
            .filter(({ body }) => body.event === 'incident.triggered' && body.recipient?.name === onCall),
        { timeout: 60_000, interval: 250 },
      )
      .toHaveLength(1);
    const paged = receiver.requests.find((request) => request.body.includes('"incident.triggered"'))!;
    expect(webhookSignedWith(paged, webhookSecret)).toEqual({ valid: true });
    console.log(`setup journey in the browser: ${Math.round((performance.now() - started) / 1000)} s`);

    // Once in French, where the journey added a form of its own: "From your runbooks".
    await openAdminSection(page, 'From your runbooks');
    await page.getByTestId('language-switcher').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Depuis vos runbooks' }).waitFor();
    await page.getByRole('button', { name: 'Choisir qui chaque niveau appelle — « Escalation Matrix »' }).click();
    await page.getByRole('combobox', { name: /^Niveau 1 : « Développeur on-call », tout de suite/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 600_000);
});
