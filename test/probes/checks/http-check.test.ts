import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHttpCheck } from '../../../src/probes/checks/http-check.js';
import type { HttpTarget } from '../../../src/probes/kinds/http-probe.js';
import type { CheckOptions } from '../../../src/probes/probe-model.js';
import { closedLoopbackPort, listenOnLoopback, type LoopbackServer } from '../../support/loopback-servers.js';

const mebibyte = 1024 * 1024;
const options = { timeoutMs: 5000 };

/** The service under check: one route per behaviour, echoing what it received. */
function route(request: IncomingMessage, response: ServerResponse, body: string, otherOrigin: string): void {
  const path = request.url ?? '/';
  const send = (status: number, text: string, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': 'text/plain', ...headers });
    response.end(text);
  };
  if (path === '/health') return send(200, 'ok', { 'X-Build-Id': 'abc123' });
  if (path === '/teapot') return send(418, "I'm a teapot");
  if (path === '/json')
    return send(200, JSON.stringify({ database: 'up', replicas: 2 }), { 'content-type': 'application/json' });
  if (path === '/echo') return send(200, JSON.stringify({ method: request.method, headers: request.headers, body }));
  if (path === '/moved/relative') return send(302, '', { location: '../echo' });
  if (path === '/moved/absolute')
    return send(301, '', { location: `http://127.0.0.1:${request.socket.localPort}/json` });
  if (path === '/moved/see-other') return send(303, '', { location: '/echo' });
  if (path === '/moved/temporary') return send(307, '', { location: '/echo' });
  if (path === '/moved/elsewhere') return send(302, '', { location: `${otherOrigin}/echo` });
  if (path === '/moved/file') return send(302, 'see the file', { location: 'file:///etc/passwd' });
  if (path.startsWith('/loop/')) return send(302, '', { location: `/loop/${Number(path.slice(6)) + 1}` });
  if (path === '/big') return send(200, 'x'.repeat(2 * mebibyte));
  if (path === '/exactly-one-mebibyte') return send(200, 'y'.repeat(mebibyte));
  if (path === '/hang') return;
  send(404, 'not found');
}

describe('the HTTP check', () => {
  let service: LoopbackServer;
  let other: LoopbackServer;
  let base: string;
  const paths: string[] = [];

  beforeAll(async () => {
    other = await listenOnLoopback(
      createServer((request, response) => response.end(JSON.stringify({ headers: request.headers }))),
    );
    service = await listenOnLoopback(
      createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          paths.push(request.url ?? '');
          route(request, response, Buffer.concat(chunks).toString('utf8'), `http://127.0.0.1:${other.port}`);
        });
      }),
    );
    base = `http://127.0.0.1:${service.port}`;
  });
  afterAll(async () => {
    await service.close();
    await other.close();
  });

  const check = (path: string, extra: Partial<HttpTarget> = {}, checkOptions: CheckOptions = options) =>
    runHttpCheck({ kind: 'http', url: `${base}${path}`, ...extra }, checkOptions);

  it('observes the status, body, lower-case headers, remote address and time of a response', async () => {
    const observation = await check('/health');
    expect(observation).toMatchObject({ reached: true, error: null });
    expect(observation.values).toMatchObject({ CONNECTED: true, STATUS: 200, BODY: 'ok', IP: '127.0.0.1' });
    expect(observation.values['HEADERS']).toMatchObject({ 'x-build-id': 'abc123', 'content-type': 'text/plain' });
    expect(observation.values['RESPONSE_TIME']).toBe(observation.latencyMs);
    expect(observation.latencyMs).toBeGreaterThan(0);
    expect(observation.values).not.toHaveProperty('CERTIFICATE_EXPIRATION');
    expect(observation.values).not.toHaveProperty('BODY_TRUNCATED');
  });

  it('reports an error status as observed, for the conditions to judge', async () => {
    const observation = await check('/teapot');
    expect(observation).toMatchObject({ reached: true, error: null, values: { STATUS: 418, BODY: "I'm a teapot" } });
  });

  it('keeps a JSON body as its text, which parses back to the document', async () => {
    const observation = await check('/json');
    expect(JSON.parse(observation.values['BODY'] as string)).toEqual({ database: 'up', replicas: 2 });
  });

  it('sends the method, the body, the headers merged with the secret ones, and its user agent', async () => {
    const observation = await check('/echo', {
      method: 'POST',
      body: '{"ping":"é"}',
      headers: { 'Content-Type': 'application/json', 'X-Team': 'sre' },
      secretHeaders: { Authorization: 'Bearer s3cret' },
    });
    const echoed = JSON.parse(observation.values['BODY'] as string) as {
      method: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(echoed).toMatchObject({ method: 'POST', body: '{"ping":"é"}' });
    expect(echoed.headers).toMatchObject({
      'content-type': 'application/json',
      'x-team': 'sre',
      authorization: 'Bearer s3cret',
      'user-agent': 'Astreinte-Probe/1',
      'content-length': String(Buffer.byteLength('{"ping":"é"}')),
    });
  });

  it('lets the target replace the default user agent, whatever the case of the header name', async () => {
    const observation = await check('/echo', { headers: { 'USER-AGENT': 'custom/2' } });
    expect(
      (JSON.parse(observation.values['BODY'] as string) as { headers: Record<string, string> }).headers['user-agent'],
    ).toBe('custom/2');
  });

  it('follows a relative redirect, resolved against the current URL', async () => {
    const observation = await check('/moved/relative', { secretHeaders: { Authorization: 'Bearer s3cret' } });
    expect(observation).toMatchObject({ reached: true, error: null, values: { STATUS: 200 } });
    // Same origin: the credentials follow.
    expect(JSON.parse(observation.values['BODY'] as string)).toMatchObject({
      method: 'GET',
      headers: { authorization: 'Bearer s3cret' },
    });
  });

  it('follows an absolute redirect', async () => {
    const observation = await check('/moved/absolute');
    expect(observation.values).toMatchObject({ STATUS: 200, BODY: JSON.stringify({ database: 'up', replicas: 2 }) });
  });

  it('turns a POST into a GET on 303 and keeps it, with its body, on 307', async () => {
    const seeOther = await check('/moved/see-other', { method: 'POST', body: 'payload' });
    expect(JSON.parse(seeOther.values['BODY'] as string)).toMatchObject({ method: 'GET', body: '' });
    const temporary = await check('/moved/temporary', { method: 'POST', body: 'payload' });
    expect(JSON.parse(temporary.values['BODY'] as string)).toMatchObject({ method: 'POST', body: 'payload' });
  });

  it('does not send the secret headers to another origin a redirect points to', async () => {
    const observation = await check('/moved/elsewhere', {
      headers: { 'X-Team': 'sre' },
      secretHeaders: { Authorization: 'Bearer s3cret' },
    });
    const { headers } = JSON.parse(observation.values['BODY'] as string) as { headers: Record<string, string> };
    expect(headers['x-team']).toBe('sre');
    expect(headers).not.toHaveProperty('authorization');
  });

  it('refuses a redirect to a file URL and observes the redirect response instead', async () => {
    const observation = await check('/moved/file');
    expect(observation).toMatchObject({
      reached: true,
      error: 'redirect to a non-HTTP URL refused: file:///etc/passwd',
      values: { CONNECTED: true, STATUS: 302, BODY: 'see the file' },
    });
  });

  it('stops at maxRedirects and observes the last redirect, the first one with 0', async () => {
    paths.length = 0;
    const observation = await check('/loop/0', { maxRedirects: 2 });
    expect(observation).toMatchObject({
      reached: true,
      error: null,
      values: { STATUS: 302, HEADERS: { location: '/loop/3' } },
    });
    expect(paths).toEqual(['/loop/0', '/loop/1', '/loop/2']);
    expect((await check('/moved/absolute', { maxRedirects: 0 })).values['STATUS']).toBe(301);
  });

  it('follows 5 redirects by default', async () => {
    paths.length = 0;
    expect((await check('/loop/0')).values['HEADERS']).toMatchObject({ location: '/loop/6' });
    expect(paths).toHaveLength(6);
  });

  it('cuts a body over 1 MiB and says so, and keeps a body of exactly 1 MiB whole', async () => {
    const big = await check('/big');
    expect(big).toMatchObject({ reached: true, values: { STATUS: 200, BODY_TRUNCATED: true } });
    expect(big.values['BODY']).toHaveLength(mebibyte);
    const exact = await check('/exactly-one-mebibyte');
    expect(exact.values['BODY']).toHaveLength(mebibyte);
    expect(exact.values).not.toHaveProperty('BODY_TRUNCATED');
  });

  it('gives up after timeoutMs on a server that never answers', async () => {
    const observation = await check('/hang', {}, { timeoutMs: 300 });
    expect(observation).toMatchObject({ reached: false, error: 'timeout after 300 ms', values: { CONNECTED: false } });
    expect(observation.latencyMs).toBeGreaterThanOrEqual(299);
    expect(observation.latencyMs).toBeLessThan(2000);
  });

  it('reports a refused connection with its address', async () => {
    const port = await closedLoopbackPort();
    const observation = await runHttpCheck({ kind: 'http', url: `http://127.0.0.1:${port}/health` }, options);
    expect(observation).toMatchObject({
      reached: false,
      error: `ECONNREFUSED 127.0.0.1:${port}`,
      values: { CONNECTED: false },
    });
  });

  it('ends promptly as cancelled when the signal aborts, and at once when it already has', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const observation = await check('/hang', {}, { timeoutMs: 10_000, signal: controller.signal });
    expect(observation).toMatchObject({ reached: false, error: 'cancelled' });
    expect(observation.latencyMs).toBeLessThan(2000);
    const already = await check('/health', {}, { timeoutMs: 10_000, signal: AbortSignal.abort() });
    expect(already).toMatchObject({ reached: false, error: 'cancelled' });
  });
});
