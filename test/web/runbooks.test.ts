import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startConsole, type ConsoleHarness } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

/** A runbook with a diagnosis, a destructive resolution (`rm -rf`) and a verification; `fix` is its last resolution command. */
function cacheRunbook(fix: string): string {
  return [
    '# Redis cache full',
    '',
    '**Severity**: P2',
    '',
    'When the Redis cache is full, the shop answers slowly and the customers see errors.',
    '',
    '## Diagnosis',
    '',
    'Check how much memory the cache uses.',
    '',
    '```bash',
    'redis-cli -h $REDIS_HOST info memory',
    '```',
    '',
    '## Resolution',
    '',
    'Empty the spool, then free the cache.',
    '',
    '```bash',
    'rm -rf /var/spool/cache/*',
    fix,
    '```',
    '',
    '## Verification',
    '',
    '```bash',
    'redis-cli -h $REDIS_HOST ping',
    '```',
    '',
  ].join('\n');
}

/** A French runbook, as someone's editor saved it after reading its UTF-8 as Latin-1: `Données` became `DonnÃ©es`. */
function brokenFrenchRunbook(): Buffer {
  const text = [
    '# Données de facturation indisponibles',
    '',
    '**Sévérité** : P1',
    '',
    'Quand la base de facturation ne répond plus, les factures ne sont plus générées.',
    '',
    '## Diagnostic',
    '',
    '```bash',
    'psql -h $DB_HOST -c "select 1"',
    '```',
    '',
    '## Résolution',
    '',
    '```bash',
    'systemctl restart postgresql',
    '```',
    '',
    '## Vérification',
    '',
    '```bash',
    'psql -h $DB_HOST -c "select count(*) from factures"',
    '```',
    '',
  ].join('\n');
  return Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8');
}

describe.skipIf(!hasChromium)('the runbook pages of the console in Chromium', () => {
  let harness: ConsoleHarness;
  let t: TestApp;
  let base: string;
  const signIn = (username: string): Promise<Page> => harness.signIn(username);

  const importFile = async (filename: string, content: string): Promise<void> => {
    const response = await t.call('POST', '/api/v1/runbook-sources', {
      token: t.users.responder.token,
      body: { filename, content },
    });
    if (response.statusCode !== 201) throw new Error(`import failed: ${response.statusCode} ${response.body}`);
  };

  beforeAll(async () => {
    harness = await startConsole();
    ({ t, base } = harness);
    await importFile('redis.md', cacheRunbook('redis-cli -h $REDIS_HOST memory purge'));
    await importFile(
      'deploy.md',
      [
        '# Deploy procedure',
        '',
        '1. Announce the deployment in the channel',
        '',
        '```bash',
        'make deploy',
        '```',
        '',
      ].join('\n'),
    );
  }, 120_000);
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (harness as ConsoleHarness | undefined)?.close();
  });

  it('finds a runbook by typing part of its title in the library search, and keeps the query in the URL', async () => {
    const page = await signIn('viewer');
    await page.getByRole('navigation').getByRole('link', { name: 'Runbooks' }).click();
    await expect.poll(() => page.getByTestId('runbook-row').count()).toBe(2);
    await page.getByTestId('runbook-search').fill('redis');
    await expect.poll(() => page.getByTestId('runbook-row').count()).toBe(1);
    expect(await page.getByTestId('runbook-row').getAttribute('data-runbook-id')).toBe('redis-cache-full');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('redis');
    await page.reload();
    expect(await page.getByTestId('runbook-search').inputValue()).toBe('redis');
    await expect.poll(() => page.getByTestId('runbook-row').count()).toBe(1);
    await page.getByTestId('runbook-search').fill('nothing like this');
    await page.getByTestId('runbook-list-empty').waitFor();
    await page.close();
  }, 60_000);

  it("shows a runbook's steps with their risk, a destructive one marked so, beside its Markdown", async () => {
    const page = await signIn('viewer');
    await page.goto(`${base}/runbooks?q=redis`);
    await page.getByTestId('runbook-row').getByRole('link').click();
    await expect.poll(() => page.getByTestId('runbook-title').textContent()).toBe('Redis cache full');
    const destructive = page
      .getByTestId('runbook-step')
      .filter({ has: page.locator('[data-testid="step-code"]', { hasText: 'rm -rf' }) });
    expect(await destructive.getByTestId('risk-badge').first().getAttribute('data-risk')).toBe('destructive');
    expect(await destructive.getByTestId('risk-badge').first().textContent()).toBe('DESTRUCTIVE');
    expect(await destructive.getByTestId('risk-reasons').textContent()).toContain('rm -rf /var/spool/cache/*');
    expect(await destructive.getByTestId('step-parameters').textContent()).toContain('$REDIS_HOST');
    const readOnly = page.getByTestId('runbook-step').filter({ hasText: 'info memory' });
    expect(await readOnly.getByTestId('risk-badge').first().getAttribute('data-risk')).toBe('read-only');
    const markdown = await page.getByTestId('runbook-markdown').textContent();
    expect(markdown).toContain('# Redis cache full');
    expect(markdown).toContain('rm -rf /var/spool/cache/*');
    await page.close();
  }, 60_000);

  it('makes version 2 on a second import and shows what changed between the two versions', async () => {
    await importFile('redis.md', cacheRunbook('redis-cli -h $REDIS_HOST FLUSHALL'));
    const page = await signIn('responder');
    await page.goto(`${base}/runbooks/redis-cache-full`);
    await expect.poll(() => page.getByTestId('runbook-version-picker').inputValue()).toBe('2');
    expect(await page.getByTestId('runbook-version-item').count()).toBe(2);
    await page.getByTestId('runbook-diff-show').click();
    await expect.poll(() => new URL(page.url()).search).toContain('from=1');
    const patch = page.getByTestId('runbook-diff-patch');
    await patch.waitFor();
    const lines = async (kind: string) =>
      (await patch.locator(`.diff-${kind}`).allTextContents()).map((line) => line.trimEnd());
    expect(await lines('added')).toEqual(['+redis-cli -h $REDIS_HOST FLUSHALL']);
    expect(await lines('removed')).toEqual(['-redis-cli -h $REDIS_HOST memory purge']);
    expect(await page.getByTestId('runbook-diff-summary').textContent()).toBe('Step changed: s2 (body)');
    await page.getByTestId('runbook-version-picker').selectOption('1');
    await page.getByTestId('runbook-old-version').waitFor();
    expect(await page.getByTestId('runbook-markdown').textContent()).toContain('memory purge');
    await page.close();
  }, 60_000);

  it('imports files uploaded through the page and reports each, with the repaired encoding', async () => {
    const page = await signIn('responder');
    await page.goto(`${base}/runbooks`);
    await page.getByTestId('runbooks-import-link').click();
    await page.getByTestId('runbook-file-input').setInputFiles([
      { name: 'facturation.md', mimeType: 'text/markdown', buffer: brokenFrenchRunbook() },
      {
        name: 'dns.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(cacheRunbook('systemctl restart unbound').replace('Redis cache full', 'DNS resolver down')),
      },
    ]);
    expect(await page.getByTestId('runbook-chosen-files').textContent()).toContain('facturation.md');
    await page.getByTestId('runbook-import-submit').click();
    await expect.poll(() => page.getByTestId('import-report').count()).toBe(2);

    const billing = page.locator('[data-testid="import-report"][data-filename="facturation.md"]');
    const repairs = await billing.getByTestId('import-repair').allTextContents();
    expect(repairs.some((repair) => repair.startsWith('Ã© → é'))).toBe(true);
    const created = billing.getByTestId('import-runbook');
    expect(await created.getAttribute('data-status')).toBe('created');
    expect(await created.getByRole('link').textContent()).toBe('Données de facturation indisponibles');
    const dns = page.locator('[data-testid="import-report"][data-filename="dns.md"]');
    expect(await dns.getByTestId('import-repairs').count()).toBe(0);
    expect(await dns.getByTestId('import-runbook').getByRole('link').textContent()).toBe('DNS resolver down');

    await created.getByRole('link').click();
    await expect
      .poll(() => page.getByTestId('runbook-title').textContent())
      .toBe('Données de facturation indisponibles');
    const { rows } = await t.db.query<{ title: string }>('SELECT title FROM runbooks WHERE id = $1', [
      'donnees-de-facturation-indisponibles',
    ]);
    expect(rows[0]?.title).toBe('Données de facturation indisponibles');
    await page.close();
  }, 60_000);

  it('takes files dropped on the import page, and reports a file imported before as unchanged', async () => {
    const page = await signIn('admin');
    await page.goto(`${base}/runbooks/import`);
    const same = [
      '# Deploy procedure',
      '',
      '1. Announce the deployment in the channel',
      '',
      '```bash',
      'make deploy',
      '```',
      '',
    ].join('\n');
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'deploy.md', { type: 'text/markdown' }));
      return transfer;
    }, same);
    await page.getByTestId('runbook-drop-zone').dispatchEvent('drop', { dataTransfer });
    expect(await page.getByTestId('runbook-chosen-files').textContent()).toContain('deploy.md');
    await page.getByTestId('runbook-import-submit').click();
    const imported = page.getByTestId('import-runbook');
    await imported.waitFor();
    expect(await imported.getAttribute('data-status')).toBe('unchanged');
    expect(await imported.getByRole('link').getAttribute('href')).toBe('/runbooks/deploy-procedure');
    await page.close();
  }, 60_000);

  it("shows a viewer no import link nor form, and the server refuses a viewer's upload", async () => {
    const page = await signIn('viewer');
    await page.goto(`${base}/runbooks`);
    await expect.poll(() => page.getByTestId('runbook-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('runbooks-import-link').count()).toBe(0);
    await page.goto(`${base}/runbooks/import`);
    await page.getByTestId('runbook-import-forbidden').waitFor();
    expect(await page.getByTestId('runbook-file-input').count()).toBe(0);
    // The upload the page would make, with the viewer's session and CSRF token.
    const status = await page.evaluate(async () => {
      const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
      const form = new FormData();
      form.append('file0', new Blob(['# Viewer runbook\n'], { type: 'text/markdown' }), 'viewer.md');
      return (
        await fetch('/api/v1/runbook-sources', {
          method: 'POST',
          headers: { 'x-csrf-token': session.csrfToken },
          body: form,
        })
      ).status;
    });
    expect(status).toBe(403);
    await page.close();
  }, 60_000);
});
