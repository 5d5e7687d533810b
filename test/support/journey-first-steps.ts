import { join } from 'node:path';
import { cleanEnv, spawnCli, tempDir, type CliProcess, type TempDir } from '../cli/cli-harness.js';
import { consoleDir, ensureConsoleBuilt } from './browser.js';
import { openHeaderMenu } from './phone-layout.js';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seedDirectory, seedFiles } from './seeds.js';

/** A server started as `npm start` starts it, and what its first start printed. */
export interface FirstStartServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The setup link printed once, for the first admin. */
  setupLink: string;
  stop: () => Promise<void>;
}

/**
 * `astreinte serve --demo` as a real process on an empty data folder (`npm start` runs the same
 * command from the compiled sources; the sources run here through tsx, as the CLI tests do), serving
 * the console the browser tests build, on a free port. The setup link is read from its stdout, where
 * a piped `serve` prints `label: value` lines.
 */
export async function startFirstStartServer(): Promise<FirstStartServer> {
  await ensureConsoleBuilt();
  const dir: TempDir = await tempDir('astreinte-journey-');
  const server: CliProcess = spawnCli(
    // Warnings only: request logs would fill the pipe the test reads the setup link from.
    ['serve', '--demo', '--data-dir', join(dir.path, 'data'), '--port', '0', '--log-level', 'warn'],
    cleanEnv({ ASTREINTE_CONSOLE_DIR: consoleDir }),
  );
  const stop = async (): Promise<void> => {
    server.kill('SIGTERM');
    await server.exited;
    await dir.remove();
  };
  try {
    // The first start migrates a new PGlite database: slow on a loaded two-core machine.
    const [, url = ''] = await server.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m, 120_000);
    const [, setupLink = ''] = await server.waitFor(/^Setup link \([^)]*\): (http:\/\/\S+)$/m, 30_000);
    return { url, setupLink, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** How long one step may wait for the page on a loaded two-core machine. */
export const stepTimeout = 30_000;

/** Opens a menu entry of the header (Admin, Runbooks, On call …) as a keyboard user would (on a phone, Menu first). */
export async function openMenu(page: Page, name: string): Promise<void> {
  await openHeaderMenu(page);
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).first().press('Enter');
}

/** Opens a section of the admin menu (Users, Integrations …) from the admin home. */
export async function openAdminSection(page: Page, name: string): Promise<void> {
  await openMenu(page, 'Admin');
  await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  await page.getByTestId('admin-home').getByRole('link', { name, exact: true }).press('Enter');
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The setup link printed at first start: the first admin chooses a password and is signed in. */
export async function chooseFirstPassword(page: Page, setupLink: string, password: string): Promise<void> {
  await page.goto(setupLink);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('The same password again', { exact: true }).fill(password);
  await page.getByLabel('The same password again', { exact: true }).press('Enter');
  await page.waitForURL(new URL('/', setupLink).href, { timeout: stepTimeout });
}

/** Signs out, then in again with the password just chosen: the way back every later day. */
export async function signOutAndIn(page: Page, username: string, password: string): Promise<void> {
  await openHeaderMenu(page);
  await page.getByRole('button', { name: 'Sign out' }).press('Enter');
  await page.getByLabel('User name', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  // In the header's menu, which a phone folds: there, not necessarily shown.
  await page.getByTestId('signed-in-user').waitFor({ state: 'attached', timeout: stepTimeout });
}

/** Uploads the five seed runbooks through the import page and waits for the five reports. */
export async function importSeeds(page: Page): Promise<void> {
  await openMenu(page, 'Runbooks');
  await page.getByRole('link', { name: 'Import runbooks' }).press('Enter');
  const files = seedFiles();
  await page.getByLabel('Choose files').setInputFiles(files.map((name) => join(seedDirectory, name)));
  await page.getByRole('button', { name: `Import the chosen files (${files.length})` }).press('Enter');
  await expect.poll(() => page.getByTestId('import-report').count(), { timeout: 60_000 }).toBe(files.length);
}

/** On "From your runbooks", adopts one draft whose preview is complete, by its title. */
export async function adoptDraft(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Adopt “${title}”` }).press('Enter');
  await expect
    .poll(
      () =>
        page
          .getByRole('status')
          .filter({ hasText: `Adopted “${title}”` })
          .count(),
      { timeout: stepTimeout },
    )
    .toBe(1);
}
