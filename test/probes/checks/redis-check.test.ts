import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRedisCheck } from '../../../src/probes/checks/redis-check.js';
import type { RedisTarget } from '../../../src/probes/kinds/redis-probe.js';
import type { CheckOptions } from '../../../src/probes/probe-model.js';
import { redisServerMissingReason, startRedisServer, type RedisProcess } from '../../support/redis-process.js';

const options: CheckOptions = { timeoutMs: 5000 };
const target = (url: string): RedisTarget => ({ kind: 'redis', url });

describe.skipIf(redisServerMissingReason() !== null)('the Redis check', () => {
  let redis: RedisProcess;
  let locked: RedisProcess;

  beforeAll(async () => {
    [redis, locked] = await Promise.all([startRedisServer(), startRedisServer(['--requirepass', 'right-password'])]);
  });
  afterAll(async () => {
    // Unset when beforeAll failed before starting them.
    await Promise.all([(redis as RedisProcess | undefined)?.stop(), (locked as RedisProcess | undefined)?.stop()]);
  });

  it('answers PING and reads INFO with numbers as numbers', async () => {
    const observation = await runRedisCheck(target(redis.url), options);
    expect(observation).toMatchObject({ reached: true, error: null, values: { CONNECTED: true, PING: 'PONG' } });
    expect(observation.values['RESPONSE_TIME']).toBe(observation.latencyMs);
    const info = observation.values['INFO'] as Record<string, unknown>;
    expect(info['used_memory']).toEqual(expect.any(Number));
    // 0 is how Redis says unlimited: kept as is, for conditions to test.
    expect(info['maxmemory']).toBe(0);
    expect(info).toMatchObject({ role: 'master', tcp_port: redis.port, connected_clients: 1 });
    expect(info['redis_version']).toMatch(/^\d+\.\d+\.\d+$/);
    // All sections: the command statistics too, as objects.
    expect(info['cmdstat_ping']).toMatchObject({ calls: expect.any(Number), usec: expect.any(Number) });
  });

  it('reads a keyspace line as an object', async () => {
    const client = new Redis(redis.url);
    try {
      await client.set('probe:key', 'value');
      await client.set('probe:expiring', 'value', 'EX', 600);
      await client.select(3);
      await client.set('probe:other', 'value');
    } finally {
      client.disconnect();
    }
    const info = (await runRedisCheck(target(redis.url), options)).values['INFO'] as Record<string, unknown>;
    expect(info['db0']).toEqual({ keys: 2, expires: 1, avg_ttl: expect.any(Number) });
    expect(info['db3']).toEqual({ keys: 1, expires: 0, avg_ttl: 0 });
  });

  it('reports NOAUTH when the server requires a password and none is given', async () => {
    const observation = await runRedisCheck(target(locked.url), options);
    expect(observation).toMatchObject({
      reached: true,
      error: 'NOAUTH Authentication required.',
      values: { CONNECTED: false },
    });
  });

  it('reports WRONGPASS for a wrong password, and connects with the right one', async () => {
    const wrong = await runRedisCheck(target(`redis://:wrong@127.0.0.1:${locked.port}`), options);
    expect(wrong.reached).toBe(true);
    expect(wrong.error).toMatch(/^WRONGPASS /);
    const right = await runRedisCheck(target(`redis://:right-password@127.0.0.1:${locked.port}`), options);
    expect(right).toMatchObject({ reached: true, error: null, values: { CONNECTED: true, PING: 'PONG' } });
  });

  it('reports a database index the server does not have, instead of observing db 0', async () => {
    const observation = await runRedisCheck(target(`${redis.url}/99`), options);
    expect(observation).toMatchObject({
      reached: true,
      error: 'ERR DB index is out of range',
      values: { CONNECTED: false },
    });
  });

  it('closes its connection after every check', async () => {
    for (let i = 0; i < 5; i++) await runRedisCheck(target(redis.url), options);
    await runRedisCheck(target(`${redis.url}/99`), options);
    const info = (await runRedisCheck(target(redis.url), options)).values['INFO'] as Record<string, unknown>;
    expect(info['connected_clients']).toBe(1);
  });

  it('reports a stopped server as not reached, with the refused address', async () => {
    const doomed = await startRedisServer();
    await doomed.stop();
    const observation = await runRedisCheck(target(doomed.url), options);
    expect(observation).toMatchObject({
      reached: false,
      error: `ECONNREFUSED 127.0.0.1:${doomed.port}`,
      values: { CONNECTED: false },
    });
  });
});

describe('the Redis check against a server that never answers', () => {
  let silent: Server;
  let url: string;
  const sockets: Socket[] = [];
  const closed: Promise<void>[] = [];

  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.push(socket);
      // Read (and ignore) what the check sends, so that its closing is seen.
      socket.resume();
      closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    url = `redis://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('stops at the timeout and closes the connection', async () => {
    const started = performance.now();
    const observation = await runRedisCheck(target(url), { timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(observation).toMatchObject({ reached: false, error: 'timeout after 300 ms', values: { CONNECTED: false } });
    const gone = await Promise.race([
      closed.at(-1)?.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 1000)),
    ]);
    expect(gone).toBe(true);
  });

  it('ends promptly when the runner cancels the check', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const observation = await runRedisCheck(target(url), { timeoutMs: 5000, signal: controller.signal });
    expect(observation.latencyMs).toBeLessThan(1000);
    expect(observation.error).toBe('cancelled');
  });
});
