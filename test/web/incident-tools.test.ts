import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';

const runbookWithTemplate = [
  '# RUNBOOK: Payments degraded',
  '',
  '## Symptoms',
  '- card payments fail',
  '',
  '## Template de Communication',
  '',
  '```text',
  'Incident [Titre] (sévérité [Sévérité]) sur [Services].',
  'Prochaine mise à jour dans 30 minutes. Contact : [Responsable]',
  '```',
  '',
].join('\n');

describe.skipIf(!hasChromium)('the incident page tools in Chromium', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await startConsole();
    const imported = await harness.t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: 'payments.md', content: runbookWithTemplate },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const template = await harness.t.call('POST', '/api/v1/checklist-templates', {
      body: {
        id: 'triage',
        name: 'Triage',
        description: 'First ten minutes',
        items: [{ text: 'Open the bridge' }, { text: 'Post a first update' }],
      },
    });
    expect(template.statusCode, template.body).toBe(201);
    await harness.t.call('POST', '/api/v1/services', { body: { id: 'payments', name: 'Payments' } });
  }, 120_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  async function openNewIncident(page: Page): Promise<string> {
    const declared = await harness.t.call('POST', '/api/v1/incidents', {
      body: { title: 'Card payments failing', severity: 'P3', services: ['payments'] },
    });
    const id = declared.json<{ id: string }>().id;
    await page.goto(`${harness.base}/incidents/${id}`);
    await page.getByTestId('incident-roles').waitFor();
    return id;
  }

  it('takes command, raises the severity with a reason and works through a checklist', async () => {
    const page = await harness.signIn('responder');
    const id = await openNewIncident(page);
    await page.getByTestId('role-take-commander').click();
    await expect.poll(() => page.getByTestId('incident-commander').textContent()).toBe('Test responder');

    await page.getByTestId('severity-select').selectOption('P1');
    await page.getByTestId('severity-reason').fill('every card payment fails');
    await page.getByTestId('severity-submit').click();
    await expect.poll(() => page.getByTestId('incident-severity').first().textContent()).toBe('P1');

    await page.getByTestId('checklist-template').selectOption('triage');
    await page.getByTestId('checklist-attach').click();
    const items = page.getByTestId('checklist-item');
    await expect.poll(() => items.count()).toBe(2);
    await items.first().check();
    await expect.poll(() => page.getByTestId('checklist').textContent()).toContain('(1/2)');

    const stored = (await harness.t.call('GET', `/api/v1/incidents/${id}`)).json<{
      severity: string;
      commander: { name: string };
    }>();
    expect(stored).toMatchObject({ severity: 'P1', commander: { name: 'Test responder' } });
    const checklists = (await harness.t.call('GET', `/api/v1/incidents/${id}/checklists`)).json<
      { progress: { checked: number } }[]
    >();
    expect(checklists[0]!.progress.checked).toBe(1);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('every card payment fails');
    await page.close();
  }, 60_000);

  it("starts a status update from a runbook's communication template with the incident's facts filled in", async () => {
    const page = await harness.signIn('responder');
    await openNewIncident(page);
    const template = page.getByTestId('status-update-template');
    await expect
      .poll(async () => (await template.locator('option').allTextContents()).join('|'))
      .toContain('Communication');
    const value = await template.locator('option').nth(1).getAttribute('value');
    await template.selectOption(value);
    const message = await page.getByTestId('status-update-message').inputValue();
    expect(message).toContain('Incident Card payments failing (sévérité P3) sur payments.');
    // A blank the incident cannot answer stays for the person to fill.
    expect(message).toContain('[Responsable]');
    await page.close();
  }, 60_000);

  it('shows a viewer the roles and checklists without any control', async () => {
    const page = await harness.signIn('viewer');
    await openNewIncident(page);
    await page.getByTestId('incident-checklists').waitFor();
    for (const control of [
      'role-take-commander',
      'role-select-commander',
      'severity-submit',
      'checklist-attach',
      'status-update-template',
    ]) {
      expect(await page.getByTestId(control).count(), control).toBe(0);
    }
    await page.close();
  }, 60_000);
});
