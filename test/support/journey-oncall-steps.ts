import type { Page } from 'playwright-core';
import { openAdminSection, openMenu, stepTimeout } from './journey-first-steps.js';
import { expect } from 'vitest';

/** Someone the journey adds: their login, their name as the console shows it. */
export interface JourneyPerson {
  username: string;
  name: string;
}

/** Adds people on the users page (responders, the form's default role). */
export async function createPeople(page: Page, people: readonly JourneyPerson[]): Promise<void> {
  await openAdminSection(page, 'Users');
  const form = page.getByRole('form', { name: 'Add a user' });
  for (const person of people) {
    await form.getByLabel(/^User name/).fill(person.username);
    await form.getByLabel('Name', { exact: true }).fill(person.name);
    await form.getByLabel('E-mail', { exact: true }).fill(`${person.username}@example.test`);
    await form.getByRole('button', { name: 'Add user' }).press('Enter');
    await form
      .getByRole('status')
      .filter({ hasText: `User ${person.username} added` })
      .waitFor({ timeout: stepTimeout });
  }
}

/**
 * A new schedule of one weekly rotation (the editor's default layer) with these people in order,
 * saved once the server's preview shows them on call; ends on the schedule's own page.
 */
export async function createWeeklySchedule(
  page: Page,
  schedule: { id: string; name: string; people: readonly JourneyPerson[] },
): Promise<void> {
  await openAdminSection(page, 'On-call schedules');
  await page.getByRole('link', { name: 'New schedule' }).press('Enter');
  await page.getByLabel(/^Identifier/).fill(schedule.id);
  await page.getByLabel('Name', { exact: true }).fill(schedule.name);
  await page.getByLabel(/^Time zone/).fill('Europe/Paris');
  for (const person of schedule.people) {
    await page.getByLabel(/^Person/).selectOption({ label: person.name });
    await page.getByRole('button', { name: 'Add to the rotation' }).press('Enter');
  }
  for (const person of schedule.people)
    await page.getByTestId('tl-final').getByText(person.name).first().waitFor({ timeout: stepTimeout });
  await page.getByRole('button', { name: 'Save the schedule' }).press('Enter');
  await page.getByRole('heading', { level: 1, name: schedule.name }).waitFor({ timeout: stepTimeout });
}

/**
 * On "From your runbooks", adopts an escalation matrix, telling who each written level is
 * (`choices[i]`: the option's label, a schedule's or person's name), as the page asks.
 */
export async function adoptEscalationMatrix(page: Page, title: string, choices: readonly string[]): Promise<void> {
  await openAdminSection(page, 'From your runbooks');
  await page.getByRole('button', { name: `Choose who each level pages — “${title}”` }).press('Enter');
  const levels = page.getByRole('combobox', { name: /^Level \d+:/ });
  await levels.first().waitFor({ timeout: stepTimeout });
  for (const [index, choice] of choices.entries()) await levels.nth(index).selectOption({ label: choice });
  await page.getByRole('button', { name: `Create the policy from “${title}”` }).press('Enter');
  await page
    .getByRole('status')
    .filter({ hasText: `Adopted “${title}”` })
    .waitFor({ timeout: stepTimeout });
}

/** Sets a service's escalation policy in the service editor, and reads who is on call for it now via `schedule`. */
export async function setServicePolicy(
  page: Page,
  service: { name: string; policy: string; schedule: string },
): Promise<string> {
  await openMenu(page, 'Services');
  await page.getByRole('link', { name: service.name, exact: true }).press('Enter');
  await page.getByRole('link', { name: `Edit the service ${service.name}` }).press('Enter');
  await page.getByLabel('Escalation policy').selectOption({ label: service.policy });
  await page.getByTestId('policy-preview').getByText(service.schedule).first().waitFor({ timeout: stepTimeout });
  await page.getByRole('button', { name: 'Save', exact: true }).press('Enter');
  const onCall = page
    .getByTestId('service-on-call-now')
    .getByRole('listitem')
    .filter({
      hasText: `via ${service.schedule}`,
    });
  await onCall.waitFor({ timeout: stepTimeout });
  return (await onCall.getByRole('strong').first().textContent()) ?? '';
}

/** Adds a signed webhook channel on the notification channels page (its form is generated from the schema). */
export async function createWebhookChannel(
  page: Page,
  channel: { id: string; name: string; url: string; secret: string },
): Promise<void> {
  await openAdminSection(page, 'Notification channels');
  const form = page.getByRole('form', { name: 'Add a channel' });
  await form.getByLabel(/^Kind/).selectOption({ label: 'Signed HTTP webhook' });
  await form.getByLabel(/^Identifier/).fill(channel.id);
  await form.getByLabel('Name', { exact: true }).fill(channel.name);
  await form.getByRole('textbox', { name: /^URL/ }).fill(channel.url);
  await form.getByLabel(/^Signing secret/).fill(channel.secret);
  await form.getByRole('button', { name: 'Add the channel' }).press('Enter');
  await page.getByRole('heading', { level: 2, name: channel.name, exact: true }).waitFor({ timeout: stepTimeout });
}

/** On a person's profile (an admin's view, from the users page), makes their first rule page through a channel kind at once. */
export async function pageThrough(page: Page, person: string, channelLabel: string): Promise<void> {
  await openAdminSection(page, 'Users');
  await page.getByRole('link', { name: person, exact: true }).press('Enter');
  const rule = page.getByRole('group', { name: 'Rule 1' });
  await rule.getByLabel(/^Channel/).selectOption({ label: channelLabel });
  await rule.getByLabel('Minutes after the page').fill('0');
  await page.getByRole('button', { name: 'Save rules' }).press('Enter');
  await page.getByRole('status').filter({ hasText: 'Rules saved.' }).waitFor({ timeout: stepTimeout });
}

/**
 * Adds an Alertmanager integration whose alerts go to `service`, lets its key go (the sender
 * configuration would use it), then opens its page and sends a test alert, which must open an incident.
 */
export async function testAlertThroughNewIntegration(page: Page, name: string, service: string): Promise<void> {
  await openAdminSection(page, 'Integrations');
  const form = page.getByRole('form', { name: 'Add an integration' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel(/^Kind/).selectOption({ label: 'Alertmanager webhook' });
  await form.getByLabel(/^Default service/).selectOption({ label: service });
  await form.getByRole('button', { name: 'Add integration' }).press('Enter');
  await page.getByRole('button', { name: 'I have copied it' }).press('Enter', { timeout: stepTimeout });
  await page.getByRole('link', { name: `Settings of ${name}` }).press('Enter');
  await page.getByRole('button', { name: 'Send a test alert' }).press('Enter', { timeout: stepTimeout });
  await expect
    .poll(() => page.getByTestId('integration-test-result').getAttribute('data-outcome'), { timeout: stepTimeout })
    .toBe('opened');
}
