import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrometheusCheck } from '../../../src/probes/checks/prometheus-check.js';
import type { CheckOptions } from '../../../src/probes/probe-model.js';
import type { DaemonProcess } from '../../support/daemon-process.js';
import { eventually } from '../../support/eventually.js';
import { prometheusMissingReason, startPrometheus } from '../../support/prometheus-process.js';

const options: CheckOptions = { timeoutMs: 5000 };
const vector = (result: unknown[]): unknown => ({ status: 'success', data: { resultType: 'vector', result } });

/** Answers as Prometheus's query API would, by query; `hang` never answers. */
const answers: Record<string, [number, unknown]> = {
  'up == 0': [
    200,
    vector([
      { metric: { __name__: 'up', job: 'api', instance: 'api-1:9100' }, value: [1700000000.5, '0'] },
      { metric: { __name__: 'up', job: 'api', instance: 'api-2:9100' }, value: [1700000000.5, '0'] },
    ]),
  ],
  'rate(errors[5m])': [
    200,
    vector([
      { metric: { job: 'a' }, value: [1700000000, 'NaN'] },
      { metric: { job: 'b' }, value: [1700000000, '+Inf'] },
      { metric: { job: 'c' }, value: [1700000000, '-Inf'] },
    ]),
  ],
  'absent(up)': [200, vector([])],
  'scalar(up)': [200, { status: 'success', data: { resultType: 'scalar', result: [1700000000, '3.5'] } }],
  'up[5m]': [
    200,
    { status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[1700000000, '1']] }] } },
  ],
  '"text"': [200, { status: 'success', data: { resultType: 'string', result: [1700000000, 'text'] } }],
  'up ==': [
    400,
    {
      status: 'error',
      errorType: 'bad_data',
      error: 'invalid parameter "query": 1:6: parse error: unexpected end of input',
    },
  ],
};

describe('the Prometheus check', () => {
  let server: Server;
  let url: string;
  const requests: { path: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const requested = new URL(request.url ?? '/', 'http://localhost');
      requests.push({ path: requested.pathname, headers: request.headers });
      const query = requested.searchParams.get('query') ?? '';
      if (query === 'hang') return;
      if (query === 'moved') return void response.writeHead(302, { location: 'http://elsewhere.invalid/' }).end();
      const [status, body] = answers[query] ?? [500, 'upstream exploded'];
      response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const check = (
    query: string,
    extra: { url?: string; secretHeaders?: Record<string, string> } = {},
    checkOptions = options,
  ) => runPrometheusCheck({ kind: 'prometheus', query, url, ...extra }, checkOptions);

  it('returns each series of an instant vector with its labels and value', async () => {
    const observation = await check('up == 0');
    expect(observation).toMatchObject({ reached: true, error: null, values: { CONNECTED: true, SERIES: 2 } });
    expect(observation.series).toEqual([
      { labels: { __name__: 'up', job: 'api', instance: 'api-1:9100' }, value: 0 },
      { labels: { __name__: 'up', job: 'api', instance: 'api-2:9100' }, value: 0 },
    ]);
    expect(observation.values['RESPONSE_TIME']).toBe(observation.latencyMs);
  });

  it('keeps NaN as NaN and reads the infinities Prometheus writes as +Inf and -Inf', async () => {
    const observation = await check('rate(errors[5m])');
    expect(observation.series.map((series) => series.value)).toEqual([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
  });

  it('answers an empty vector with no series and no error', async () => {
    const observation = await check('absent(up)');
    expect(observation).toMatchObject({
      reached: true,
      error: null,
      series: [],
      values: { CONNECTED: true, SERIES: 0 },
    });
  });

  it('returns a scalar as one series without labels', async () => {
    const observation = await check('scalar(up)');
    expect(observation.series).toEqual([{ labels: {}, value: 3.5 }]);
  });

  it('refuses a range vector and a string result', async () => {
    for (const query of ['up[5m]', '"text"']) {
      const observation = await check(query);
      expect(observation).toMatchObject({
        reached: true,
        error: 'a probe query must return an instant vector or a scalar',
        series: [],
        values: { CONNECTED: true },
      });
    }
  });

  it('reports the error Prometheus answers with its type', async () => {
    const observation = await check('up ==');
    expect(observation).toMatchObject({
      reached: true,
      error: 'bad_data: invalid parameter "query": 1:6: parse error: unexpected end of input',
      series: [],
      values: { CONNECTED: false },
    });
  });

  it('reports an answer that is not Prometheus’s as not reached', async () => {
    const observation = await check('anything else');
    expect(observation).toMatchObject({
      reached: false,
      error: 'HTTP 500 Internal Server Error: not a Prometheus API answer',
      series: [],
      values: { CONNECTED: false },
    });
  });

  it('reports a redirect instead of sending the secret headers elsewhere', async () => {
    const observation = await check('moved', { secretHeaders: { Authorization: 'Bearer s3cret' } });
    expect(observation).toMatchObject({
      reached: false,
      error: 'HTTP 302 Found to http://elsewhere.invalid/: not a Prometheus API answer',
    });
  });

  it('sends the secret headers and keeps a path prefix of the URL', async () => {
    requests.length = 0;
    await check('absent(up)', {
      url: `${url}/prometheus/`,
      secretHeaders: { Authorization: 'Bearer s3cret', 'X-Scope-OrgID': 'team-a' },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.path).toBe('/prometheus/api/v1/query');
    expect(requests[0]?.headers).toMatchObject({
      authorization: 'Bearer s3cret',
      'x-scope-orgid': 'team-a',
      accept: 'application/json',
    });
  });

  it('stops at the timeout when Prometheus never answers', async () => {
    const started = performance.now();
    const observation = await check('hang', {}, { timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(observation).toMatchObject({
      reached: false,
      error: 'timeout after 300 ms',
      series: [],
      values: { CONNECTED: false },
    });
  });

  it('ends promptly when the runner cancels the check', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const observation = await check('hang', {}, { timeoutMs: 5000, signal: controller.signal });
    expect(observation.latencyMs).toBeLessThan(1000);
    expect(observation.error).toBe('cancelled');
  });

  it('reports a refused connection as not reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const observation = await check('up', { url: `http://127.0.0.1:${port}` });
    expect(observation).toMatchObject({ reached: false, error: `ECONNREFUSED 127.0.0.1:${port}`, series: [] });
  });
});

describe.skipIf(prometheusMissingReason() !== null)('the Prometheus check against a real Prometheus', () => {
  let target: Server;
  let prometheus: DaemonProcess;
  let targetAddress: string;

  beforeAll(async () => {
    target = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/plain' }).end('probe_test_metric 42\n'),
    );
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetAddress = `127.0.0.1:${(target.address() as AddressInfo).port}`;
    const config = `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: probe-target\n    static_configs:\n      - targets: ['${targetAddress}']\n`;
    prometheus = await startPrometheus(config, 'groups: []\n');
  });
  afterAll(async () => {
    // Unset when beforeAll failed before starting it (the target server is created first, synchronously).
    await (prometheus as DaemonProcess | undefined)?.stop();
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
  });

  it('queries up for a scraped target', async () => {
    const observation = await eventually('the target to be scraped', async () => {
      const seen = await runPrometheusCheck(
        { kind: 'prometheus', url: prometheus.url, query: 'up{job="probe-target"}' },
        options,
      );
      return seen.series.length > 0 ? seen : null;
    });
    expect(observation).toMatchObject({ reached: true, error: null, values: { CONNECTED: true, SERIES: 1 } });
    expect(observation.series).toEqual([
      { labels: { __name__: 'up', job: 'probe-target', instance: targetAddress }, value: 1 },
    ]);
  });

  it('reports a query Prometheus cannot parse as a bad_data error', async () => {
    const observation = await runPrometheusCheck({ kind: 'prometheus', url: prometheus.url, query: 'up ==' }, options);
    expect(observation.reached).toBe(true);
    expect(observation.error).toMatch(/^bad_data: .*parse error/);
  });
});
