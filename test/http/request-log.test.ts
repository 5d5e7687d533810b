import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapDatabase } from '../../src/auth/bootstrap-admin.js';
import { buildApp } from '../../src/http/build-app.js';
import type { App } from '../../src/http/http-deps.js';
import { createAppDeps } from '../../src/node/create-app-deps.js';
import { testConfig } from '../support/test-app.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

describe('the server log of requests', () => {
  let test: TestDatabase;
  let app: App;
  const lines: LogLine[] = [];
  let adminToken: string;

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    adminToken = (await bootstrapDatabase(test.db)).adminToken!;
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as LogLine) });
    app = await buildApp(createAppDeps({ db: test.db, config: testConfig() }), { logger });
  });
  afterAll(async () => {
    await app.close();
    await test.close();
  });

  const linesOf = (requestId: string): LogLine[] => lines.filter((line) => line['reqId'] === requestId);

  it('says each request once, by its route, with the status and time', async () => {
    const answer = await app.inject({ url: '/api/v1/incidents', headers: { authorization: `Bearer ${adminToken}` } });
    expect(answer.statusCode).toBe(200);
    const said = linesOf(answer.headers['x-request-id'] as string);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ level: 30, request: { method: 'GET', route: '/api/v1/incidents', status: 200 } });
    expect(said[0]!.msg).toMatch(/^GET \/api\/v1\/incidents → 200 \(\d+ ms\)$/);
  });

  it('never writes the tokens of acknowledge and setup links', async () => {
    const ack = await app.inject({ method: 'POST', url: '/ack/aat_secret-ack-token' });
    const setup = await app.inject({ url: '/setup?token=asu_secret-setup-token' });
    const written = JSON.stringify([
      ...linesOf(ack.headers['x-request-id'] as string),
      ...linesOf(setup.headers['x-request-id'] as string),
    ]);
    expect(written).toContain('/ack/:token');
    expect(written).not.toContain('secret-ack-token');
    expect(written).not.toContain('secret-setup-token');
  });

  it('keeps health checks at debug, and a failing one at error', async () => {
    const health = await app.inject({ url: '/healthz' });
    expect(linesOf(health.headers['x-request-id'] as string).map((line) => line.level)).toEqual([20]);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/runner/sessions', payload: {} });
    expect(refused.statusCode).toBe(401);
    // A runner refused is worth reading: not hidden at debug.
    expect(linesOf(refused.headers['x-request-id'] as string).map((line) => line.level)).toEqual([30]);
  });
});
