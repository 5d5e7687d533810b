import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDnsCheck } from '../../../src/probes/checks/dns-check.js';
import type { DnsTarget } from '../../../src/probes/kinds/dns-probe.js';
import type { CheckOptions } from '../../../src/probes/probe-model.js';
import { startDnsResponder, type DnsResponder } from '../../support/dns-responder.js';

const options = { timeoutMs: 5000 };

describe('the DNS check', () => {
  let responder: DnsResponder;
  let silent: DnsResponder;

  beforeAll(async () => {
    responder = await startDnsResponder({
      'api.astreinte.test': { A: ['10.0.0.12', '10.0.0.2', '10.0.0.9'], AAAA: ['2001:db8::1'] },
      'www.astreinte.test': { CNAME: 'api.astreinte.test' },
      'astreinte.test': {
        MX: [
          { priority: 20, exchange: 'backup.mail.astreinte.test' },
          { priority: 10, exchange: 'mail.astreinte.test' },
        ],
        TXT: [['v=spf1 ', 'include:mail.astreinte.test ', '-all'], ['verification=42']],
        NS: ['ns1.astreinte.test'],
      },
      '_sip._tcp.astreinte.test': { SRV: [{ priority: 10, weight: 60, port: 5060, name: 'sip.astreinte.test' }] },
      'broken.astreinte.test': { rcode: 'SERVFAIL' },
    });
    silent = await startDnsResponder({}, { silent: true });
  });
  afterAll(async () => {
    await responder.close();
    await silent.close();
  });

  const check = (name: string, extra: Partial<DnsTarget> = {}, checkOptions: CheckOptions = options) =>
    runDnsCheck({ kind: 'dns', name, server: responder.server, ...extra }, checkOptions);

  it('asks for A records by default and observes them sorted, and joined as the body', async () => {
    const observation = await check('api.astreinte.test');
    expect(observation).toMatchObject({
      reached: true,
      error: null,
      values: {
        CONNECTED: true,
        DNS_RCODE: 'NOERROR',
        DNS_ANSWERS: ['10.0.0.2', '10.0.0.9', '10.0.0.12'],
        BODY: '10.0.0.2, 10.0.0.9, 10.0.0.12',
      },
    });
    expect(observation.values['RESPONSE_TIME']).toBe(observation.latencyMs);
    expect(responder.questions).toContain('api.astreinte.test A');
  });

  it('reads AAAA, CNAME and NS records as addresses and names', async () => {
    expect((await check('api.astreinte.test', { recordType: 'AAAA' })).values['DNS_ANSWERS']).toEqual(['2001:db8::1']);
    expect((await check('www.astreinte.test', { recordType: 'CNAME' })).values['DNS_ANSWERS']).toEqual([
      'api.astreinte.test',
    ]);
    expect((await check('astreinte.test', { recordType: 'NS' })).values['DNS_ANSWERS']).toEqual(['ns1.astreinte.test']);
  });

  it('writes MX records as "priority exchange", SRV as "priority weight port name", and joins TXT chunks', async () => {
    const mx = await check('astreinte.test', { recordType: 'MX' });
    expect(mx.values).toMatchObject({
      DNS_ANSWERS: ['10 mail.astreinte.test', '20 backup.mail.astreinte.test'],
      BODY: '10 mail.astreinte.test, 20 backup.mail.astreinte.test',
    });
    const srv = await check('_sip._tcp.astreinte.test', { recordType: 'SRV' });
    expect(srv.values['DNS_ANSWERS']).toEqual(['10 60 5060 sip.astreinte.test']);
    const txt = await check('astreinte.test', { recordType: 'TXT' });
    expect(txt.values['DNS_ANSWERS']).toEqual(['v=spf1 include:mail.astreinte.test -all', 'verification=42']);
  });

  it('reports NXDOMAIN for an unknown name as an answer of the server', async () => {
    const observation = await check('nowhere.astreinte.test');
    expect(observation).toMatchObject({
      reached: true,
      error: null,
      values: { CONNECTED: true, DNS_RCODE: 'NXDOMAIN', DNS_ANSWERS: [], BODY: '' },
    });
  });

  it('reports NOERROR without answers for a name that has no record of the type', async () => {
    const observation = await check('www.astreinte.test', { recordType: 'MX' });
    expect(observation).toMatchObject({ reached: true, values: { DNS_RCODE: 'NOERROR', DNS_ANSWERS: [] } });
  });

  it('reports SERVFAIL', async () => {
    expect((await check('broken.astreinte.test')).values).toMatchObject({ CONNECTED: true, DNS_RCODE: 'SERVFAIL' });
  });

  it('gives up after timeoutMs on a server that never answers', async () => {
    const observation = await check('api.astreinte.test', { server: silent.server }, { timeoutMs: 600 });
    expect(observation).toMatchObject({
      reached: false,
      error: 'timeout after 600 ms',
      values: { CONNECTED: false, DNS_RCODE: 'TIMEOUT' },
    });
    expect(observation.latencyMs).toBeLessThan(2000);
    expect(silent.questions.length).toBeGreaterThan(0);
  });

  it('ends promptly as cancelled when the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const observation = await check(
      'api.astreinte.test',
      { server: silent.server },
      { timeoutMs: 10_000, signal: controller.signal },
    );
    expect(observation).toMatchObject({ reached: false, error: 'cancelled', values: { DNS_RCODE: 'CANCELLED' } });
    expect(observation.latencyMs).toBeLessThan(2000);
  });

  it('reports a refused query, naming the server, when nothing listens on its port', async () => {
    const closed = await startDnsResponder({});
    await closed.close();
    const observation = await check('api.astreinte.test', { server: closed.server });
    expect(observation).toMatchObject({
      reached: false,
      error: `ECONNREFUSED api.astreinte.test (server ${closed.server})`,
      values: { CONNECTED: false, DNS_RCODE: 'ECONNREFUSED' },
    });
  });

  it('reports a server address it cannot use without throwing', async () => {
    const observation = await check('api.astreinte.test', { server: 'not an address' });
    expect(observation).toMatchObject({ reached: false, values: { CONNECTED: false } });
    expect(observation.error).toMatch(/not an address/);
  });
});
