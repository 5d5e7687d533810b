import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from '../../src/core/project-root.js';
import type { Config } from '../../src/config/config.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Debian's Chromium, installed by `.ci/run`; browser tests skip where it is missing. */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
/** The password every test user signs in with (set by `startConsole`). */
export const consolePassword = 'a passphrase for the console';

/**
 * Where the console the tests drive is built: `web/dist` (made by `npm run build`), or another
 * folder named by ASTREINTE_TEST_CONSOLE_DIR (to test a build without touching web/dist).
 */
export const consoleDir = process.env['ASTREINTE_TEST_CONSOLE_DIR'] ?? join(projectRoot(), 'web', 'dist');

/** Headless Debian Chromium; running as root (CI containers) needs --no-sandbox. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
}

/** Tests that run without a built console build it first. */
export async function ensureConsoleBuilt(): Promise<void> {
  if (existsSync(join(consoleDir, 'index.html'))) return;
  await promisify(execFile)(
    process.execPath,
    [
      join(projectRoot(), 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      consoleDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: projectRoot() },
  );
}

/** A server listening on 127.0.0.1 with the built console, and a browser to drive it. */
export interface ConsoleHarness {
  t: TestApp;
  browser: Browser;
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** A new page signed in as one of the test app's users (`admin`, `responder`, `viewer` …). */
  signIn: (username: string) => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * Starts the app, with all its loops, on PGlite (the storage is tested on both backends elsewhere; the browser drives
 * the UI), gives every test user `consolePassword`, and launches headless Chromium. `config` adds to the test
 * configuration (a `secretKey` for pages that store secrets).
 */
export async function startConsole(options: { config?: Partial<Config> } = {}): Promise<ConsoleHarness> {
  await ensureConsoleBuilt();
  // The console shows what a whole node does (pages sent, probes going down): every loop runs.
  const t = await createTestApp('pglite', { config: { ...options.config, consoleDir }, runner: true, loops: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  for (const user of Object.values(t.users)) {
    const set = await t.call('PUT', `/api/v1/users/${user.id}/password`, { body: { password: consolePassword } });
    if (set.statusCode !== 204) throw new Error(`setting a password failed: ${set.statusCode} ${set.body}`);
  }
  const browser = await launchChromium();
  const signIn = async (username: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByTestId('sign-in-username').fill(username);
    await page.getByTestId('sign-in-password').fill(consolePassword);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(`${base}/`);
    return page;
  };
  const close = async (): Promise<void> => {
    await browser.close();
    await t.close();
  };
  return { t, browser, base, signIn, close };
}

/**
 * Registers the hooks that give a describe block one console (started before its tests, then
 * `prepare` run on it; closed after) and returns a getter for it, valid once the tests start.
 */
export function useConsole(prepare: (harness: ConsoleHarness) => Promise<void> = async () => {}): () => ConsoleHarness {
  let harness: ConsoleHarness | undefined;
  beforeAll(async () => {
    harness = await startConsole();
    await prepare(harness);
  }, 180_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await harness?.close();
  });
  return () => {
    if (harness === undefined) throw new Error('the console did not start');
    return harness;
  };
}

/** Calls the API as the admin to set a test up; throws, with the answer, on anything but success. */
export async function setUpCall(t: TestApp, method: string, url: string, body?: unknown): Promise<void> {
  const answer = await t.call(method, url, body === undefined ? {} : { body });
  if (answer.statusCode >= 300) throw new Error(`${method} ${url}: ${answer.statusCode} ${answer.body}`);
}
