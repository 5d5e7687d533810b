import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTcpCheck } from '../../../src/probes/checks/tcp-check.js';
import { closedLoopbackPort, listenOnLoopback, type LoopbackServer } from '../../support/loopback-servers.js';
import { startUnacceptingServer, type UnacceptingServer } from '../../support/unaccepting-server.js';

const options = { timeoutMs: 5000 };

describe('the TCP check', () => {
  let open: LoopbackServer;
  let full: UnacceptingServer;
  let accepted = 0;

  beforeAll(async () => {
    open = await listenOnLoopback(createServer(() => (accepted += 1)));
    full = await startUnacceptingServer();
  });
  afterAll(async () => {
    await open.close();
    await full.close();
  });

  it('connects to an open port and observes the address and the connect time', async () => {
    const observation = await runTcpCheck({ kind: 'tcp', host: '127.0.0.1', port: open.port }, options);
    expect(observation).toMatchObject({ reached: true, error: null, values: { CONNECTED: true, IP: '127.0.0.1' } });
    expect(observation.values['RESPONSE_TIME']).toBe(observation.latencyMs);
    expect(observation.latencyMs).toBeGreaterThan(0);
    expect(observation.latencyMs).toBeLessThan(1000);
  });

  it('reports a refused connection with its address', async () => {
    const port = await closedLoopbackPort();
    const observation = await runTcpCheck({ kind: 'tcp', host: '127.0.0.1', port }, options);
    expect(observation).toMatchObject({
      reached: false,
      error: `ECONNREFUSED 127.0.0.1:${port}`,
      values: { CONNECTED: false },
    });
  });

  it('gives up after timeoutMs when the server never completes the handshake', async () => {
    const observation = await runTcpCheck({ kind: 'tcp', host: '127.0.0.1', port: full.port }, { timeoutMs: 300 });
    expect(observation).toMatchObject({ reached: false, error: 'timeout after 300 ms', values: { CONNECTED: false } });
    expect(observation.latencyMs).toBeGreaterThanOrEqual(299);
    expect(observation.latencyMs).toBeLessThan(2000);
  });

  it('ends promptly as cancelled when the signal aborts mid-connect', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const observation = await runTcpCheck(
      { kind: 'tcp', host: '127.0.0.1', port: full.port },
      { timeoutMs: 10_000, signal: controller.signal },
    );
    expect(observation).toMatchObject({ reached: false, error: 'cancelled' });
    expect(observation.latencyMs).toBeLessThan(2000);
  });

  it('does not connect at all when the signal has already aborted', async () => {
    const acceptedBefore = accepted;
    const observation = await runTcpCheck(
      { kind: 'tcp', host: '127.0.0.1', port: open.port },
      { timeoutMs: 5000, signal: AbortSignal.abort() },
    );
    expect(observation).toMatchObject({ reached: false, error: 'cancelled', values: { CONNECTED: false } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(accepted).toBe(acceptedBefore);
  });
});
