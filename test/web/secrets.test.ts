import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret, parseSecretKey } from '../../src/execution/secrets/secret-crypto.js';
import { axeViolations } from '../support/axe.js';
import { hasChromium, setUpCall, startConsole, type ConsoleHarness } from '../support/browser.js';
import {
  passwordRole,
  postgresBinariesMissingReason,
  startPostgresCluster,
  type PostgresCluster,
} from '../support/postgres-cluster.js';

const secretKey = 'cd'.repeat(32);
const firstValue = 'Tr0ub4dor-typed-once';
const secondValue = 'c0rrect-h0rse-replaced';
const wrongPassword = 'not-the-right-one';
// The test PostgreSQL server trusts every login from 127.0.0.1: a wrong password would still
// connect there. The throwaway cluster checks its password role's password.
const clusterMissing = postgresBinariesMissingReason();
const runbook = ['# Flush the cache', '## Mitigation', '```bash', 'cache-cli --auth "${CACHE_TOKEN}" flush', '```'];

/** Every answer of the API the page reads, to check none carries a value typed into it. */
function recordAnswers(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/'))
      void response.text().then(
        (text) => bodies.push(text),
        () => undefined,
      );
  });
  return bodies;
}

/** The page's markup and the values of its fields (a typed value lives in the property, not the markup). */
const everythingShown = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      document.documentElement.outerHTML +
      [...document.querySelectorAll('input')].map((input) => input.value).join('\n'),
  );

/** What reaches past a 390 px screen, named (empty on a phone-first page: nothing to scroll sideways to). */
const overflowing = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > 390)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );

describe.skipIf(!hasChromium)('the secrets and SQL connections pages in Chromium', () => {
  let harness: ConsoleHarness;
  let cluster: PostgresCluster | null = null;

  beforeAll(async () => {
    harness = await startConsole({ config: { secretKey } });
    await setUpCall(harness.t, 'POST', '/api/v1/runbook-sources', {
      filename: 'cache.md',
      content: runbook.join('\n'),
    });
    if (clusterMissing === null) cluster = await startPostgresCluster();
  }, 180_000);
  afterAll(async () => {
    await (harness as ConsoleHarness | undefined)?.close();
    await cluster?.remove();
  });

  it('sets a secret from the keyboard on a phone, never shows its value again, replaces it and deletes it, in English and French', async () => {
    const { t, base, signIn } = harness;
    const page = await signIn('admin');
    const answers = recordAnswers(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/admin`);
    await page.getByTestId('admin-nav-secrets').click();
    await page.getByTestId('secrets-empty').waitFor();

    await page.getByTestId('secret-name').focus();
    await page.keyboard.type('CACHE_TOKEN');
    await page.keyboard.press('Tab');
    await page.keyboard.type(firstValue);
    await page.keyboard.press('Tab');
    await page.keyboard.type('cache admin token');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('secrets-notice').textContent())
      .toBe('Secret CACHE_TOKEN stored. Its value will not be shown again.');
    const card = page.locator('[data-testid="secret-card"][data-name="CACHE_TOKEN"]');
    await card.waitFor();
    expect(await card.getByTestId('uses').textContent()).toBe('Flush the cache');
    expect(await card.textContent()).toContain('cache admin token');
    expect(await everythingShown(page)).not.toContain(firstValue);
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);

    // Replacing: the value field takes the focus; Enter stores it, the description is kept.
    await card.getByTestId('secret-replace').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(secondValue);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('secrets-notice').textContent()).toBe('Value of CACHE_TOKEN replaced.');
    const { rows } = await t.db.query<{ sealed: string; description: string }>(
      `SELECT sealed, description FROM secrets WHERE name = 'CACHE_TOKEN'`,
    );
    expect(decryptSecret(rows[0]!.sealed, parseSecretKey(secretKey), 'secret:CACHE_TOKEN')).toBe(secondValue);
    expect(rows[0]!.description).toBe('cache admin token');

    await page.getByTestId('language-switcher').selectOption('fr');
    expect(await page.getByRole('heading', { level: 2 }).nth(1).textContent()).toBe(
      'Secrets utilisables par les étapes',
    );
    expect(await card.textContent()).toContain('Enregistré');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switcher').selectOption('en');

    await card.getByTestId('secret-delete').focus();
    await page.keyboard.press('Enter');
    expect(await card.getByRole('group').textContent()).toContain('1 runbook(s) use it');
    await page.keyboard.press('Enter');
    await page.getByTestId('secrets-empty').waitFor();
    expect((await t.call('DELETE', '/api/v1/secrets/CACHE_TOKEN')).statusCode).toBe(404);
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'secret' ORDER BY id`,
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['secret.create', 'secret.replace', 'secret.delete']);
    const seen = (await everythingShown(page)) + answers.join('\n') + JSON.stringify(audit.rows);
    expect(answers.length).toBeGreaterThan(3);
    for (const value of [firstValue, secondValue]) expect(seen).not.toContain(value);
    await page.close();
  }, 120_000);

  it.skipIf(clusterMissing !== null)(
    'adds a SQL connection, tests it, keeps its password on an edit, shows a wrong password failing, and deletes it',
    async () => {
      const { t, base, signIn } = harness;
      const port = String(cluster!.port);
      const page = await signIn('admin');
      const answers = recordAnswers(page);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/admin/sql-connections`);
      await page.getByTestId('connections-empty').waitFor();

      await page.getByTestId('connection-name').focus();
      for (const text of ['cache-db', '127.0.0.1', port, 'postgres', passwordRole.user, passwordRole.password]) {
        await page.keyboard.press('ControlOrMeta+a');
        await page.keyboard.type(text);
        await page.keyboard.press('Tab');
      }
      await page.getByTestId('connection-tls').selectOption('disable');
      const shown = `postgres://${passwordRole.user}:****@127.0.0.1:${port}/postgres?sslmode=disable`;
      expect(await page.getByTestId('connection-preview').textContent()).toBe(shown);
      await page.getByTestId('connection-description').focus();
      await page.keyboard.type('the cache database');
      await page.keyboard.press('Enter');
      const card = page.locator('[data-testid="connection-card"][data-name="cache-db"]');
      await card.waitFor();
      expect(await card.getByTestId('connection-url').textContent()).toBe(shown);

      await card.getByTestId('connection-test').focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => card.getByTestId('connection-test-result').textContent())
        .toMatch(/^Connected in \d+ ms: PostgreSQL \d+/);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowing(page)).toEqual([]);

      // An edit leaving the password empty keeps the stored one: the test still connects.
      await card.getByTestId('connection-edit').focus();
      await page.keyboard.press('Enter');
      expect(await card.getByTestId('connection-host').evaluate((input) => input === document.activeElement)).toBe(
        true,
      );
      expect(await card.getByTestId('connection-password').inputValue()).toBe('');
      await card.getByTestId('connection-description').fill('the cache database, read-only');
      await card.getByTestId('connection-description').press('Enter');
      await expect.poll(() => card.textContent()).toContain('the cache database, read-only');
      await card.getByTestId('connection-test').click();
      await expect.poll(() => card.getByTestId('connection-test-result').textContent()).toMatch(/^Connected in/);

      await card.getByTestId('connection-edit').click();
      await card.getByTestId('connection-password').fill(wrongPassword);
      await card.getByTestId('connection-edit-form-save').click();
      await expect.poll(() => card.getByTestId('connection-edit-form').count()).toBe(0);
      await card.getByTestId('connection-test').click();
      await expect
        .poll(() => card.getByTestId('connection-test-result').textContent())
        .toMatch(
          new RegExp(
            `^Could not connect \\(\\d+ ms\\): password authentication failed for user "${passwordRole.user}"`,
          ),
        );

      await page.getByTestId('language-switcher').selectOption('fr');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexions SQL');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('language-switcher').selectOption('en');

      await card.getByTestId('connection-delete').click();
      await card.getByTestId('connection-delete-confirm').click();
      await page.getByTestId('connections-empty').waitFor();
      expect((await t.call('GET', '/api/v1/sql-connections/cache-db')).statusCode).toBe(404);
      const seen = (await everythingShown(page)) + answers.join('\n');
      for (const value of [passwordRole.password, wrongPassword]) expect(seen).not.toContain(value);
      await page.close();
    },
    120_000,
  );
});
