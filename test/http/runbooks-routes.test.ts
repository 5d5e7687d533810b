import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';
import { counts, preparedFile, storeAs } from '../runbooks/import-support.js';
import { cleanRunbook, draft, runbook, section, step } from '../runbooks/runbook-fixtures.js';

/** A small runbook file: a title, a diagnosis, a resolution and a verification, each with one command. */
function markdownRunbook(title: string, fix = 'systemctl restart nginx'): string {
  return [
    `# ${title}`,
    '',
    '**Severity**: P2',
    '',
    '## Diagnosis',
    '',
    '```bash',
    'curl -sI https://www.example.test',
    '```',
    '',
    '## Resolution',
    '',
    '```bash',
    fix,
    '```',
    '',
    '## Verification',
    '',
    '```bash',
    'curl -sI https://www.example.test',
    '```',
    '',
  ].join('\n');
}

/** A multipart/form-data body of files, as a browser or `curl -F` sends it. */
function multipart(files: { filename: string; content: Buffer | string; type?: string }[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = `----astreinte${randomBytes(8).toString('hex')}`;
  const parts = files.map((file, index) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file${index}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'text/markdown'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function send(
  t: TestApp,
  url: string,
  payload: Buffer | string,
  headers: Record<string, string>,
  token = t.users.responder.token,
) {
  return t.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}`, ...headers } });
}

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe.each(testBackends)('runbooks API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('imports a file sent as JSON and answers the report', async () => {
    const response = await t.call('POST', '/api/v1/runbook-sources', {
      token: t.users.responder.token,
      body: { filename: 'nginx.md', content: markdownRunbook('Nginx down') },
    });
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json();
    expect(Object.keys(report).sort()).toEqual([
      'decode',
      'drafts',
      'filename',
      'leftovers',
      'lint',
      'runbooks',
      'sha256',
      'sourceId',
    ]);
    expect(report).toMatchObject({
      filename: 'nginx.md',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      decode: { encoding: 'utf-8', lineEndings: 'lf', repairs: { count: 0 } },
      runbooks: [
        {
          id: 'nginx-down',
          title: 'Nginx down',
          kind: expect.any(String),
          version: 1,
          status: 'created',
          steps: 3,
          sections: expect.any(Number),
        },
      ],
    });
    const source = await t.call('GET', `/api/v1/runbook-sources/${report.sourceId}`, { token: t.users.viewer.token });
    expect(source.statusCode).toBe(200);
    expect(source.json()).toMatchObject({
      sourceId: report.sourceId,
      runbooks: report.runbooks,
      importedBy: 'Test responder',
    });
  });

  it.skipIf(!available)('imports raw bytes sent as contentBase64, in any encoding', async () => {
    const latin1 = Buffer.from(markdownRunbook('Caché plein'), 'latin1');
    const response = await t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: 'cache.md', contentBase64: latin1.toString('base64') },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      decode: { encoding: 'windows-1252' },
      runbooks: [{ id: 'cache-plein', title: 'Caché plein' }],
    });
  });

  it.skipIf(!available)('imports a raw text/markdown or text/plain body named by ?filename=', async () => {
    const markdown = await send(t, '/api/v1/runbook-sources?filename=tls.md', markdownRunbook('TLS expired'), {
      'content-type': 'text/markdown; charset=utf-8',
    });
    expect(markdown.statusCode, markdown.body).toBe(201);
    expect(markdown.json()).toMatchObject({ filename: 'tls.md', runbooks: [{ id: 'tls-expired', status: 'created' }] });
    const plain = await send(t, '/api/v1/runbook-sources', markdownRunbook('Plain text runbook'), {
      'content-type': 'text/plain',
    });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json().filename).toBe('upload.md');
  });

  it.skipIf(!available)('imports several files sent as multipart/form-data, one report each', async () => {
    const body = multipart([
      { filename: 'a.md', content: markdownRunbook('Multipart one') },
      { filename: 'b.txt', content: markdownRunbook('Multipart two'), type: 'text/plain' },
    ]);
    const response = await send(t, '/api/v1/runbook-sources', body.payload, body.headers);
    expect(response.statusCode, response.body).toBe(201);
    const reports = response.json();
    expect(
      reports.map((r: { filename: string; runbooks: { id: string }[] }) => [r.filename, r.runbooks.map((rb) => rb.id)]),
    ).toEqual([
      ['a.md', ['multipart-one']],
      ['b.txt', ['multipart-two']],
    ]);
  });

  it.skipIf(!available)('stores none of a multipart upload when one file is not text, and names it', async () => {
    const before = await counts(t);
    const body = multipart([
      { filename: 'ok.md', content: markdownRunbook('Never stored') },
      { filename: 'shot.png', content: png, type: 'image/png' },
    ]);
    const response = await send(t, '/api/v1/runbook-sources', body.payload, body.headers);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^shot\.png: /);
    expect(response.json().details.issues[0].path).toMatch(/^\/files\/1/);
    expect(await counts(t)).toEqual(before);
  });

  it.skipIf(!available)(
    'answers 400 for a file that is not text (PNG bytes), and for content and contentBase64 both or neither',
    async () => {
      const image = await t.call('POST', '/api/v1/runbook-sources', {
        body: { filename: 'shot.png', contentBase64: png.toString('base64') },
      });
      expect(image.statusCode).toBe(400);
      expect(image.json().error).toBe('validation_failed');
      const both = await t.call('POST', '/api/v1/runbook-sources', {
        body: { filename: 'x.md', content: '# X', contentBase64: 'IyBY' },
      });
      expect(both.statusCode).toBe(400);
      const neither = await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'x.md' } });
      expect(neither.statusCode).toBe(400);
      const noName = await t.call('POST', '/api/v1/runbook-sources', { body: { content: '# X' } });
      expect(noName.json().details.issues).toEqual([{ path: '/filename', message: expect.any(String) }]);
    },
  );

  it.skipIf(!available)('answers 413 for a body over the limit, as JSON, raw text and multipart', async () => {
    const before = await counts(t);
    const big = `# Big\n\n${'x'.repeat(1024 * 1024 + 10)}\n`;
    const json = await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'big.md', content: big } });
    expect(json.statusCode).toBe(413);
    expect(json.json().error).toBe('payload_too_large');
    expect(
      (await send(t, '/api/v1/runbook-sources?filename=big.md', big, { 'content-type': 'text/markdown' })).statusCode,
    ).toBe(413);
    const one = multipart([{ filename: 'big.md', content: big }]);
    const multi = await send(t, '/api/v1/runbook-sources', one.payload, one.headers);
    expect(multi.statusCode).toBe(413);
    expect(multi.json().error).toBe('payload_too_large');
    const half = 'y'.repeat(700 * 1024);
    const two = multipart([
      { filename: 'a.md', content: `# A\n${half}` },
      { filename: 'b.md', content: `# B\n${half}` },
    ]);
    expect((await send(t, '/api/v1/runbook-sources', two.payload, two.headers)).statusCode).toBe(413);
    expect(await counts(t)).toEqual(before);
  });

  it.skipIf(!available)('answers 415 for a type it does not read, and keeps text/plain refused elsewhere', async () => {
    const xml = await send(t, '/api/v1/runbook-sources', '<runbook/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error).toBe('unsupported_media_type');
    const elsewhere = await send(t, '/api/v1/incidents', 'title=hello', { 'content-type': 'text/plain' });
    expect(elsewhere.statusCode).toBe(415);
  });

  it.skipIf(!available)('refuses an import by a viewer (403) and without a token (401)', async () => {
    const viewer = await t.call('POST', '/api/v1/runbook-sources', {
      token: t.users.viewer.token,
      body: { filename: 'v.md', content: '# V\n' },
    });
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error).toBe('forbidden');
    expect(
      (await t.call('POST', '/api/v1/runbook-sources', { token: null, body: { filename: 'v.md', content: '# V\n' } }))
        .statusCode,
    ).toBe(401);
  });

  it.skipIf(!available)('lists, shows, renders, versions, diffs, lints and deletes stored runbooks', async () => {
    await storeAs(t, 'responder', preparedFile('api.md', [cleanRunbook('API latency')]));
    const changed = cleanRunbook('API latency');
    changed.sections[1]!.steps.unshift(
      step('s0', { risk: 'destructive', body: 'redis-cli FLUSHALL', title: 'Flush', line: 11 }),
    );
    changed.sections.shift();
    await storeAs(
      t,
      'responder',
      preparedFile('api.md', [changed, runbook('Deploy procedure', [], { kind: 'procedure' })]),
    );
    const viewer = t.users.viewer.token;

    const list = (await t.call('GET', '/api/v1/runbooks?q=latency', { token: viewer })).json();
    expect(list).toEqual({
      total: 1,
      items: [expect.objectContaining({ id: 'api-latency', currentVersion: 2, kind: 'incident', deletedAt: null })],
    });
    const procedures = (await t.call('GET', '/api/v1/runbooks?kind=procedure', { token: viewer })).json();
    expect(procedures.items.map((r: { id: string }) => r.id)).toContain('deploy-procedure');
    expect(procedures.items.every((r: { kind: string }) => r.kind === 'procedure')).toBe(true);
    expect((await t.call('GET', '/api/v1/runbooks?q=%25', { token: viewer })).json().total).toBe(0);

    const shown = await t.call('GET', '/api/v1/runbooks/api-latency', { token: viewer });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      id: 'api-latency',
      version: 2,
      currentVersion: 2,
      structure: { title: 'API latency' },
    });
    expect(
      (await t.call('GET', '/api/v1/runbooks/api-latency?version=1', { token: viewer })).json().structure.sections,
    ).toHaveLength(3);
    expect((await t.call('GET', '/api/v1/runbooks/api-latency?version=9', { token: viewer })).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/runbooks/nope', { token: viewer })).statusCode).toBe(404);

    const markdown = await t.call('GET', '/api/v1/runbooks/api-latency/markdown?version=1', { token: viewer });
    expect(markdown.statusCode).toBe(200);
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.body).toMatch(/^# API latency\n\n<!-- astreinte: kind=incident -->\n\n## Diagnosis\n/);

    const versions = (await t.call('GET', '/api/v1/runbooks/api-latency/versions', { token: viewer })).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const diff = (await t.call('GET', '/api/v1/runbooks/api-latency/diff?from=1&to=2', { token: viewer })).json();
    expect(diff.sections.removed).toEqual(['Diagnosis']);
    expect(diff.steps.added).toEqual([{ id: 's0', title: 'Flush' }]);
    expect(diff.patch).toContain('+redis-cli FLUSHALL');
    expect((await t.call('GET', '/api/v1/runbooks/api-latency/diff?to=2', { token: viewer })).statusCode).toBe(400);

    const lint = (await t.call('GET', '/api/v1/runbooks/api-latency/lint', { token: viewer })).json();
    expect(lint).toMatchObject({ runbookId: 'api-latency', version: 2 });
    expect(lint.findings).toEqual([
      expect.objectContaining({
        rule: 'destructive-without-diagnosis',
        severity: 'error',
        runbookId: 'api-latency',
        stepId: 's0',
        line: 11,
      }),
    ]);
    expect(
      (await t.call('GET', '/api/v1/runbooks/api-latency/lint?version=1', { token: viewer })).json().findings,
    ).toEqual([]);

    expect(
      (await t.call('DELETE', '/api/v1/runbooks/api-latency', { token: t.users.responder.token })).statusCode,
    ).toBe(403);
    const deleted = await t.call('DELETE', '/api/v1/runbooks/api-latency');
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({ id: 'api-latency', deletedAt: expect.any(String) });
    expect((await t.call('GET', '/api/v1/runbooks?q=latency', { token: viewer })).json().total).toBe(0);
    expect(
      (await t.call('GET', '/api/v1/runbooks?q=latency&includeDeleted=true', { token: viewer })).json().total,
    ).toBe(1);
    expect((await t.call('GET', '/api/v1/runbooks/api-latency', { token: viewer })).json().deletedAt).not.toBeNull();
    expect((await t.call('DELETE', '/api/v1/runbooks/nope')).statusCode).toBe(404);
  });

  it.skipIf(!available)('lists each runbook with the language and step count of its current version', async () => {
    // Prose in each language: the language is detected from the words, not the commands.
    const english = [
      '# Counted steps',
      '',
      'When the web server is down and the customers cannot reach the shop.',
      '',
      '## Resolution',
      '',
      'Restart the service and check that it answers again.',
      '',
      '```bash',
      'systemctl restart nginx',
      '```',
      '',
      '## Verification',
      '',
      '```bash',
      'curl -sI https://www.example.test',
      '```',
      '',
      '```bash',
      'systemctl status nginx',
      '```',
      '',
    ].join('\n');
    await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'counted.md', content: english } });
    const french = [
      '# Disque plein',
      '',
      'Quand le disque du serveur est plein et que les écritures échouent.',
      '',
      '## Résolution',
      '',
      'Libérer de la place sur le disque.',
      '',
      '```bash',
      'df -h',
      '```',
      '',
    ].join('\n');
    await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'disque.md', content: french } });
    const viewer = t.users.viewer.token;
    const counted = (await t.call('GET', '/api/v1/runbooks?q=counted', { token: viewer })).json();
    expect(counted.items).toEqual([expect.objectContaining({ id: 'counted-steps', language: 'en', steps: 3 })]);
    const disk = (await t.call('GET', '/api/v1/runbooks?q=disque', { token: viewer })).json();
    expect(disk.items).toEqual([expect.objectContaining({ id: 'disque-plein', language: 'fr', steps: 1 })]);
    expect((await t.call('GET', '/api/v1/runbooks/counted-steps', { token: viewer })).json()).toMatchObject({
      language: 'en',
      steps: 3,
    });
  });

  it.skipIf(!available)('lists and shows drafts, filtered by kind and status', async () => {
    const report = await storeAs(
      t,
      'responder',
      preparedFile(
        'process.md',
        [],
        [
          draft('contacts', 'Contacts', { people: [{ name: 'DBA', phone: '+41 21 XXX XX XX' }] }),
          draft('severity-classes', 'Niveaux de sévérité', { levels: ['P1', 'P2'] }),
        ],
      ),
    );
    const viewer = t.users.viewer.token;
    const contacts = (
      await t.call('GET', '/api/v1/runbook-drafts?kind=contacts&status=draft', { token: viewer })
    ).json();
    expect(contacts.items.map((d: { id: string }) => d.id)).toContain(report.drafts[0]!.id);
    expect(contacts.items.every((d: { kind: string }) => d.kind === 'contacts')).toBe(true);
    expect(
      (await t.call('GET', `/api/v1/runbook-drafts?sourceId=${report.sourceId}`, { token: viewer })).json().total,
    ).toBe(2);
    expect((await t.call('GET', '/api/v1/runbook-drafts?status=adopted', { token: viewer })).json().total).toBe(0);
    const one = await t.call('GET', `/api/v1/runbook-drafts/${report.drafts[1]!.id}`, { token: viewer });
    expect(one.json()).toMatchObject({
      kind: 'severity-classes',
      title: 'Niveaux de sévérité',
      status: 'draft',
      data: { levels: ['P1', 'P2'] },
      sourceId: report.sourceId,
    });
    expect((await t.call('GET', '/api/v1/runbook-drafts/not-a-uuid', { token: viewer })).statusCode).toBe(404);
    expect(
      (await t.call('GET', '/api/v1/runbook-drafts/00000000-0000-4000-8000-000000000000', { token: viewer }))
        .statusCode,
    ).toBe(404);
    expect((await t.call('GET', '/api/v1/runbook-drafts?kind=nonsense', { token: viewer })).statusCode).toBe(400);
  });

  it.skipIf(!available)('reports lint findings of a manual runbook in the import report', async () => {
    const rb = runbook('Manual only', [
      section('resolution', 'Fix', [step('s1', { kind: 'manual', language: null, body: 'Call [Numéro support]' })], {
        lines: { start: 3, end: 4 },
      }),
    ]);
    const report = await storeAs(t, 'responder', preparedFile('manual.md', [rb]));
    expect(report.lint.map((f) => f.rule).sort()).toEqual(['no-verification', 'placeholder-contact']);
  });
});
