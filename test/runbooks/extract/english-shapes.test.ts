import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { extractRunbooks } from '../../../src/runbooks/extract/extract-runbooks.js';
import { decodeRunbookText } from '../../../src/runbooks/text/decode-runbook-text.js';

const frontMatterRunbook = `---
title: Payments webhook backlog
severity: high
rto: 30 minutes
services: [payments-api, queue]
---

Webhooks from the payment provider pile up in the queue.

## Symptoms
- Alert \`rate(webhook_failures_total[5m]) > 0.1\` fires
- Logs show "upstream connect error"
- Customers see HTTP 504 on checkout

## Diagnosis
\`\`\`sh {"name":"queue-depth","excludeFromRunAll":"true"}
# How deep is the queue?
redis-cli -h $REDIS_HOST llen webhooks
\`\`\`

## Resolution
1. Pause the retry job in the admin console.
2. Restart the consumers:
   \`\`\`bash
   sudo systemctl restart webhook-consumer
   \`\`\`
3. **Long term**: add a dead-letter queue.

## Verification
\`\`\`bash
curl -sf https://pay.example.test/health
\`\`\`
`;

describe('runbooks written in other shapes', () => {
  it('reads one English runbook per file with YAML front matter', async () => {
    const { runbooks, leftovers } = await extractRunbooks(frontMatterRunbook, { filename: 'payments-webhooks.md' });
    expect(runbooks).toHaveLength(1);
    const [runbook] = runbooks;
    expect(runbook).toMatchObject({
      title: 'Payments webhook backlog',
      kind: 'incident',
      language: 'en',
      metadata: {
        severity: { raw: 'high', level: 'P2' },
        rto: { raw: '30 minutes', minutes: 30 },
        services: expect.arrayContaining(['payments-api', 'queue']),
      },
    });
    expect(runbook!.sections.map((s) => s.kind)).toEqual([
      'overview',
      'symptoms',
      'diagnosis',
      'resolution',
      'verification',
    ]);
    expect(runbook!.symptoms.map((s) => s.kind)).toEqual(['metric', 'log', 'http']);
    expect(runbook!.symptoms[1]!.terms).toContain('upstream connect error');
    const diagnosis = runbook!.sections[2]!.steps[0]!;
    expect(diagnosis.attributes).toEqual({ name: 'queue-depth', excludeFromRunAll: 'true' });
    const resolution = runbook!.sections[3]!.steps;
    expect(resolution.map((s) => s.kind)).toEqual(['manual', 'command', 'manual']);
    expect(resolution[1]!.title).toBe('Restart the consumers');
    expect(resolution[2]!.phase).toBe('long-term');
    expect(runbook!.sections.flatMap((s) => s.steps).map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(leftovers).toEqual([]);
  });

  it('reads a CRLF file with a BOM the same as an LF file', async () => {
    const lf = await extractRunbooks(frontMatterRunbook, { filename: 'a.md' });
    const bytes = Buffer.from(`\uFEFF${frontMatterRunbook.replace(/\n/g, '\r\n')}`, 'utf8');
    const decoded = decodeRunbookText(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8-bom', lineEndings: 'crlf' });
    expect(await extractRunbooks(decoded.text, { filename: 'a.md' })).toEqual(lf);
  });

  it('reads a French runbook damaged as Windows-1252 the same as the intact one', async () => {
    const intact = [
      '# 🚨 RUNBOOK: Files d’attente saturées',
      '**Sévérité**: 🔴 CRITIQUE',
      '**RTO**: < 30 minutes',
      '## Symptômes',
      '- ❌ Délai de traitement > 5 min',
      '## Résolution',
      '```bash',
      '# Redémarrer les consommateurs',
      'sudo systemctl restart consommateur',
      '```',
    ].join('\n');
    // What an editor does to UTF-8 read as Windows-1252 and saved again as UTF-8.
    const damaged = Buffer.from(iconv.decode(Buffer.from(intact, 'utf8'), 'win1252'), 'utf8');
    const decoded = decodeRunbookText(damaged);
    expect(decoded.repairs.codepage).toBe('windows-1252');
    expect(decoded.text).toBe(intact);
    const { runbooks } = await extractRunbooks(decoded.text, { filename: 'damaged.md' });
    expect(runbooks.map((r) => [r.title, r.metadata.severity?.level, r.metadata.rto?.minutes])).toEqual([
      ['Files d’attente saturées', 'P1', 30],
    ]);
  });

  it('names a headingless runbook after its file', async () => {
    const text = '**Symptoms**: disk full on db-1\n\n**Fix**:\n\n```bash\nrm -f /var/log/old/*.gz\n```\n';
    const { runbooks } = await extractRunbooks(text, { filename: 'disk_full-db.md' });
    expect(runbooks.map((r) => [r.title, r.kind])).toEqual([['disk full db', 'incident']]);
    expect(runbooks[0]!.symptoms[0]!.text).toBe('disk full on db-1');
  });

  it('splits a file of several runbooks separated by rules', async () => {
    const text = [
      '# RUNBOOK: API down',
      '**Severity**: P1',
      '## Symptoms',
      '- 502 everywhere',
      '## Fix',
      '```bash',
      'kubectl rollout restart deployment/api',
      '```',
      '---',
      '# RUNBOOK: Cache cold',
      '**Severity**: low',
      '**RTO**: 2h',
      '## Symptoms',
      '- slow pages',
      '## Fix',
      '```bash',
      'redis-cli ping',
      '```',
    ].join('\n');
    const { runbooks } = await extractRunbooks(text, { filename: 'many.md' });
    expect(runbooks.map((r) => [r.title, r.metadata.severity?.level, r.metadata.rto?.minutes ?? null])).toEqual([
      ['API down', 'P1', null],
      ['Cache cold', 'P4', 120],
    ]);
    expect(runbooks[0]!.metadata.services).toEqual(['api']);
  });

  it('lists what it did not understand instead of dropping it', async () => {
    const text = '# Team notes\n\nSome context nobody structured.\n\n## Random thoughts\n\nWe should buy more disks.\n';
    const { runbooks, leftovers } = await extractRunbooks(text, { filename: 'notes.md' });
    expect(runbooks).toEqual([]);
    expect(leftovers.map((l) => [l.heading, l.lines.start])).toEqual([
      ['Team notes', 3],
      ['Random thoughts', 7],
    ]);
  });

  it('takes a numbered list of bare web addresses for links, not for steps', async () => {
    const text = '# Tools\n\n## Useful links\n\n1. https://grafana.example.test\n2. www.status.example.test\n';
    const { runbooks, leftovers } = await extractRunbooks(text, { filename: 'tools.md' });
    expect(runbooks).toEqual([]);
    expect(leftovers.map((l) => [l.heading, l.reason])).toEqual([
      ['Useful links', 'list of links, kept in the source only'],
    ]);
  });
});

describe('procedures without symptoms', () => {
  it('keeps the sections of a structured procedure', async () => {
    const text =
      '# Nginx down\n\n## Diagnosis\n\n```bash\nsystemctl status nginx\n```\n\n## Resolution\n\n```bash\nsudo systemctl restart nginx\n```\n\n## Verification\n\n```bash\ncurl -sf http://127.0.0.1/\n```\n';
    const { runbooks } = await extractRunbooks(text, { filename: 'nginx.md' });
    expect(runbooks.map((r) => [r.kind, r.title, r.sections.map((s) => s.kind)])).toEqual([
      ['procedure', 'Nginx down', ['diagnosis', 'resolution', 'verification']],
    ]);
  });

  it('names a one-section procedure after its parent heading, not its section word', async () => {
    const text = '# Redis full\n\n## Resolution\n\n```bash\nredis-cli config set maxmemory 2gb\n```\n';
    const { runbooks } = await extractRunbooks(text, { filename: 'redis.md' });
    expect(runbooks.map((r) => [r.title, r.sections.map((s) => [s.kind, s.title])])).toEqual([
      ['Redis full', [['resolution', 'Resolution']]],
    ]);
  });
});
