import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../src/core/actor.js';
import type { Ctx } from '../../../src/core/context.js';
import type { ProbeSuggestion } from '../../../src/probes/drafts/probe-suggestion.js';
import { suggestProbes } from '../../../src/probes/drafts/suggest-probes.js';
import { importRunbookSource } from '../../../src/runbooks/import-runbook-source.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** A runbook whose steps check things in every way the suggestions read, and a few ways they do not. */
const checkout = [
  '# Checkout API down',
  '',
  '**Severity**: P1',
  '',
  '## Diagnosis',
  '',
  '```bash',
  '# Health of one node',
  'curl -fsS http://{{ host }}:8080/health',
  'pg_isready -h $DB_HOST -p 5433',
  'nc -zv -w 3 <cache_host> 6379',
  '```',
  '',
  '```bash',
  'openssl s_client -connect api.example.com:443 -servername www.example.com </dev/null',
  'dig @10.0.0.2 api.example.com AAAA +short',
  'nslookup -type=MX example.com',
  'telnet db.internal 5432',
  '```',
  '',
  '## Resolution',
  '',
  '```bash',
  'curl -k -X PUT https://api.example.com/admin/cache -H "Content-Type: application/json" -d \'{"flush":true}\'',
  'psql -h db.internal -c "DELETE FROM sessions"',
  'psql -c "SELECT 1"',
  'redis-cli keys "session:*"',
  '```',
  '',
  '## Verification',
  '',
  '```bash',
  "ssh ops@web1 'curl -f http://localhost:8080/health'",
  'redis-cli -h cache.internal -p 6380 -a s3cret-pass ping',
  'curl -s "http://prom:9090/api/v1/query?query=rate(errors_total[5m]) > 1"',
  'curl -I https://api.example.com/health',
  'curl https://api.example.com/health',
  '```',
  '',
  '```sql',
  'SELECT 1;',
  '```',
  '',
].join('\n');

describe('probes suggested from a hand-written runbook', () => {
  let database: TestDatabase;
  let ctx: Ctx;
  let suggestions: ProbeSuggestion[];
  const at = (line: number): ProbeSuggestion => {
    const found = suggestions.find((suggestion) => suggestion.source.line === line);
    if (found === undefined)
      throw new Error(
        `nothing from line ${line}: ${suggestions.map((suggestion) => suggestion.source.line).join(', ')}`,
      );
    return found;
  };

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx = { actor: systemActor, requestId: 'test', db: database.db, now: () => new Date() };
    await importRunbookSource({ ctx, input: { filename: 'checkout.md', content: Buffer.from(checkout) } });
    const viewer: Ctx = {
      ...ctx,
      actor: { type: 'user', id: '00000000-0000-4000-8000-000000000001', name: 'Viewer', role: 'viewer' },
    };
    suggestions = (await suggestProbes({ ctx: viewer, input: { runbookId: 'checkout-api-down' } })).suggestions;
  });
  // Unset when beforeAll failed before opening it.
  afterAll(async () => (database as TestDatabase | undefined)?.close());

  it('keeps `{{ host }}`, `$DB_HOST` and `<cache_host>` as written and names them in needs, rather than dropping the checks', () => {
    expect(at(9)).toMatchObject({
      target: { kind: 'http', url: 'http://{{ host }}:8080/health' },
      needs: ['host'],
      source: { section: 'Diagnosis', step: 's1', code: 'curl -fsS http://{{ host }}:8080/health' },
    });
    expect(at(10)).toMatchObject({ target: { kind: 'tcp', host: '$DB_HOST', port: 5433 }, needs: ['DB_HOST'] });
    expect(at(11)).toMatchObject({
      target: { kind: 'tcp', host: '<cache_host>', port: 6379 },
      needs: ['cache_host'],
      timeoutMs: 3000,
    });
  });

  it('reads openssl, dig, nslookup and telnet as TLS, DNS and TCP probes', () => {
    expect(at(15)).toMatchObject({
      target: { kind: 'tls', host: 'api.example.com', port: 443, tls: { serverName: 'www.example.com' } },
      conditions: ['[CERTIFICATE_VALID] == true', '[CERTIFICATE_EXPIRATION] > 7d'],
    });
    expect(at(16).target).toEqual({ kind: 'dns', name: 'api.example.com', recordType: 'AAAA', server: '10.0.0.2' });
    expect(at(17).target).toEqual({ kind: 'dns', name: 'example.com', recordType: 'MX' });
    expect(at(18)).toMatchObject({
      target: { kind: 'tcp', host: 'db.internal', port: 5432 },
      name: 'Checkout API down — tcp db.internal:5432',
    });
  });

  it('carries method, plain headers, body and -k over, proposing a PUT disabled; psql without SELECT or host and redis-cli keys give nothing', () => {
    expect(at(24)).toMatchObject({
      target: {
        kind: 'http',
        url: 'https://api.example.com/admin/cache',
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: '{"flush":true}',
        tls: { insecure: true },
      },
      enabled: false,
    });
    expect(suggestions.filter((suggestion) => [25, 26, 27].includes(suggestion.source.line ?? 0))).toEqual([]);
  });

  it('reads through ssh, keeps no written-out password, and turns a query to Prometheus into a Prometheus probe', () => {
    const overSsh = at(33);
    expect(overSsh.target).toEqual({ kind: 'http', url: 'http://web1:8080/health' });
    expect(overSsh.notes.join(' ')).toContain('web1');
    const redis = at(34);
    expect(redis).toMatchObject({ target: { kind: 'redis', url: 'redis://cache.internal:6380' }, needs: ['password'] });
    expect(redis.source.code).toBe('redis-cli -h cache.internal -p 6380 -a ******** ping');
    expect(JSON.stringify(suggestions)).not.toContain('s3cret-pass');
    expect(at(35)).toMatchObject({
      target: { kind: 'prometheus', url: 'http://prom:9090', query: 'rate(errors_total[5m]) > 1' },
      conditions: [],
    });
  });

  it('names suggestions after the runbook and what they check, unique within the answer, with the runbook as label', () => {
    expect(at(36)).toMatchObject({
      name: 'Checkout API down — api.example.com/health',
      target: { method: 'HEAD' },
      severity: 'P1',
      labels: { runbook: 'checkout-api-down' },
    });
    expect(at(37).name).toBe('Checkout API down — api.example.com/health (2)');
    expect(new Set(suggestions.map((suggestion) => suggestion.name)).size).toBe(suggestions.length);
    expect(
      suggestions.every((suggestion) => suggestion.source.section !== '' && /^s\d+$/.test(suggestion.source.step)),
    ).toBe(true);
  });

  it('answers 404 for an unknown or deleted runbook', async () => {
    await expect(suggestProbes({ ctx, input: { runbookId: 'nope' } })).rejects.toMatchObject({ code: 'not_found' });
    await database.db.query(`UPDATE runbooks SET deleted_at = now() WHERE id = 'checkout-api-down'`);
    await expect(suggestProbes({ ctx, input: { runbookId: 'checkout-api-down' } })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
