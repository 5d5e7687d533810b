/**
 * Console rendering: the time from opening an incident's page to its timeline of 2,000 events
 * shown, in Debian's Chromium (headless, through playwright-core), against the built server (as
 * `npm start` runs it) on a fresh embedded database. The incident gets its events through the
 * API (notes), then the page is opened --rounds times; each time is measured from navigation to
 * the last event in the DOM. Prints the median and the slowest.
 *
 * Run: npx tsx bench/console.ts [--events N] [--rounds N]   (defaults: 2000 events, 7 rounds)
 */
import { chromium } from 'playwright-core';
import { startAstreinte } from './astreinte-process.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const eventCount = Number(option('--events') ?? 2000);
const rounds = Number(option('--rounds') ?? 7);
const password = 'a passphrase for the bench';

const astreinte = await startAstreinte();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const api = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${astreinte.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${astreinte.adminToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  const me = (await api('GET', '/api/v1/me')) as { id: string };
  await api('PUT', `/api/v1/users/${me.id}/password`, { password });
  const incident = (await api('POST', '/api/v1/incidents', { title: 'A long night', severity: 'P1' })) as {
    id: string;
  };
  let written = 1;
  while (written < eventCount) {
    await Promise.all(
      Array.from({ length: Math.min(16, eventCount - written) }, (_, index) =>
        api('POST', `/api/v1/incidents/${incident.id}/notes`, {
          text: `Note ${written + index}: checked the replicas, still lagging`,
        }),
      ),
    );
    written += Math.min(16, eventCount - written);
  }
  const { length } = (await api('GET', `/api/v1/incidents/${incident.id}/timeline?limit=5000`)) as unknown[];

  const page = await browser.newPage();
  await page.goto(`${astreinte.url}/sign-in`);
  await page.getByTestId('sign-in-username').fill('admin');
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL(`${astreinte.url}/`);
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await page.goto(`${astreinte.url}/incidents/${incident.id}`);
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="timeline-event"]').length >= count,
      length,
      { timeout: 60_000, polling: 'raf' },
    );
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `incident with ${length} timeline events, opened ${rounds} times in headless Chromium (built server, embedded PGlite)`,
  );
  console.log(
    `time to the whole timeline shown, ms: median ${times[Math.floor(times.length / 2)]!.toFixed(0)}, fastest ${times[0]!.toFixed(0)}, slowest ${times.at(-1)!.toFixed(0)}`,
  );
} finally {
  await browser.close();
  await astreinte.remove();
}
