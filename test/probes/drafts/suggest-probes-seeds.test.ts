import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../src/core/actor.js';
import type { Ctx } from '../../../src/core/context.js';
import { makeValidatorCompiler } from '../../../src/http/validator-compilers.js';
import type { ProbeSuggestion } from '../../../src/probes/drafts/probe-suggestion.js';
import { suggestProbes } from '../../../src/probes/drafts/suggest-probes.js';
import { CreateProbeInput } from '../../../src/probes/probe-input.js';
import { importRunbookSources } from '../../../src/runbooks/import-runbook-sources.js';
import { seedBytes, seedFiles, seedsAvailable } from '../../support/seeds.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** What the API would check when a suggestion is sent back as a probe to create. */
const validInput = makeValidatorCompiler()({
  schema: CreateProbeInput,
  httpPart: 'body',
  method: 'POST',
  url: '/api/v1/probes',
});
const asInput = (suggestion: ProbeSuggestion): unknown => {
  const input: Partial<ProbeSuggestion> = { ...suggestion };
  delete input.source;
  delete input.needs;
  delete input.notes;
  return input;
};

describe.skipIf(!seedsAvailable)('probes suggested from the five seed runbooks', () => {
  let database: TestDatabase;
  let ctx: Ctx;
  const suggest = async (runbookId: string): Promise<ProbeSuggestion[]> =>
    (await suggestProbes({ ctx, input: { runbookId } })).suggestions;
  const byName = (suggestions: ProbeSuggestion[], name: string): ProbeSuggestion => {
    const found = suggestions.find((suggestion) => suggestion.name === name);
    if (found === undefined)
      throw new Error(`no "${name}" in ${suggestions.map((suggestion) => suggestion.name).join(' | ')}`);
    return found;
  };

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx = { actor: systemActor, requestId: 'test', db: database.db, now: () => new Date() };
    await importRunbookSources({
      ctx,
      input: { files: seedFiles().map((file) => ({ filename: file, content: seedBytes(file.slice(0, 3)) })) },
    });
  });
  // Unset when beforeAll failed before opening it.
  afterAll(async () => (database as TestDatabase | undefined)?.close());

  it('proposes a TCP probe for `psql -h postgres -c "SELECT 1"` and an HTTP probe for the health check, each with its step', async () => {
    const suggestions = await suggest('base-de-donnees-down');
    expect(suggestions.map((suggestion) => suggestion.name)).toEqual([
      'Base de Données Down — tcp postgres:5432',
      'Base de Données Down — localhost:4000/api/health',
    ]);
    const [tcp, http] = suggestions;
    expect(tcp).toMatchObject({
      target: { kind: 'tcp', host: 'postgres', port: 5432 },
      conditions: ['[CONNECTED] == true'],
      severity: 'P1',
      labels: { runbook: 'base-de-donnees-down' },
      source: {
        section: 'Diagnostique Immédiat (0-5 min)',
        step: 's2',
        line: 27,
        code: 'docker exec akig-backend psql -h postgres -U akig_user -d akig -c "SELECT 1"',
      },
      needs: [],
    });
    expect(tcp!.notes.join(' ')).toContain('SELECT 1');
    expect(http).toMatchObject({
      target: { kind: 'http', url: 'http://localhost:4000/api/health' },
      conditions: ['[STATUS] < 400'],
      source: { step: 's5', line: 51 },
    });
    expect(http!.notes.join(' ')).toContain('localhost is the machine');
  });

  it('reads `docker exec akig-cache redis-cli ping` as a Redis probe on the container, and notes what `INFO memory` would need', async () => {
    const [redis, ...rest] = await suggest('cache-redis-down');
    expect(redis).toMatchObject({
      target: { kind: 'redis', url: 'redis://akig-cache:6379' },
      conditions: ['[PING] == PONG'],
      source: { step: 's1', line: 168 },
    });
    expect(redis!.notes.some((note) => note.includes('container akig-cache'))).toBe(true);
    // `redis-cli INFO memory` checks the same server: merged into the ping, with its note.
    expect(redis!.notes.some((note) => note.includes('INFO memory') && note.includes('maxmemory'))).toBe(true);
    expect(rest.map((suggestion) => suggestion.target.kind)).toEqual(['http']);
  });

  it('turns the global check of the ERP runbook into an HTTP, a TCP (pg_isready) and a Redis probe on the Compose services', async () => {
    const suggestions = await suggest('verifier-l-etat-global');
    expect(suggestions.map((suggestion) => suggestion.target)).toEqual([
      { kind: 'http', url: 'http://localhost:3000/api/health/detailed' },
      { kind: 'tcp', host: 'postgres', port: 5432 },
      { kind: 'redis', url: 'redis://redis:6379' },
    ]);
    expect(suggestions.map((suggestion) => suggestion.source.line)).toEqual([28, 37, 40]);
    expect(suggestions[1]!.notes.join(' ')).toContain('Compose service postgres');
  });

  it('keeps `${REDIS_PASSWORD}` as written in the Redis URL and names it in needs', async () => {
    const [redis] = await suggest('inc-003-redis-cache-indisponible');
    expect(redis).toMatchObject({
      target: { kind: 'redis', url: 'redis://:${REDIS_PASSWORD}@redis:6379' },
      needs: ['REDIS_PASSWORD'],
    });
  });

  it('carries `$TOKEN` as a secret header, proposes a POST disabled, and never copies a written-out Authorization header', async () => {
    const osrm = await suggest('osrm-en-panne');
    const post = byName(osrm, 'OSRM en panne — localhost:5000/api/company_dispatch/run');
    expect(post).toMatchObject({
      target: {
        kind: 'http',
        method: 'POST',
        secretHeaders: { Authorization: 'Bearer $TOKEN' },
        body: '{"for_date": "2024-01-15", "mode": "heuristic_only"}',
      },
      enabled: false,
      needs: ['TOKEN'],
    });
    // The unquoted `;` ends the command there, as the shell reads it.
    expect(byName(osrm, 'OSRM en panne — localhost:5000/route/v1/driving/6.6323,46.5197').target).toEqual({
      kind: 'http',
      url: 'http://localhost:5000/route/v1/driving/6.6323,46.5197',
    });
    const profile = byName(await suggest('connexion'), 'Connexion — api.safargo.com/api/v1/users/profile');
    expect(profile.target).toEqual({ kind: 'http', url: 'https://api.safargo.com/api/v1/users/profile' });
    expect(profile.needs).toEqual(['Authorization']);
  });

  it("reads a query to Prometheus's API as a Prometheus probe, `up` checked at 1", async () => {
    const suggestions = await suggest('procedure-de-reponse-aux-incidents');
    expect(suggestions.map((suggestion) => [suggestion.target, suggestion.conditions])).toEqual([
      [{ kind: 'http', url: 'https://api.rag-system.com/health' }, ['[STATUS] < 400']],
      [{ kind: 'prometheus', url: 'http://prometheus:9090', query: "up{job='rag-api'}" }, ['[VALUE] == 1']],
    ]);
  });

  it('proposes a check repeated in a runbook once, names every suggestion uniquely, and gives only valid probes when nothing is needed', async () => {
    const diagnostics = await suggest('commandes-de-diagnostic');
    expect(diagnostics.filter((suggestion) => suggestion.target.kind === 'redis')).toHaveLength(1);
    const { rows } = await database.db.query<{ id: string }>('SELECT id FROM runbooks ORDER BY id');
    const all = (await Promise.all(rows.map((row) => suggest(row.id)))).flat();
    const kinds = new Map<string, number>();
    for (const suggestion of all) kinds.set(suggestion.target.kind, (kinds.get(suggestion.target.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ http: 30, tcp: 3, redis: 5, prometheus: 1 });
    for (const suggestions of await Promise.all(rows.map((row) => suggest(row.id)))) {
      expect(new Set(suggestions.map((suggestion) => suggestion.name)).size).toBe(suggestions.length);
    }
    for (const suggestion of all) {
      expect([...suggestion.name].length).toBeLessThanOrEqual(200);
      if (suggestion.needs.length === 0) expect(validInput(asInput(suggestion)), JSON.stringify(suggestion)).toBe(true);
    }
    // No seed runbook checks with openssl, nc, telnet, dig or nslookup.
    expect(all.some((suggestion) => ['tls', 'dns'].includes(suggestion.target.kind))).toBe(false);
  });
});
