import { createServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTlsCheck } from '../../../src/probes/checks/tls-check.js';
import type { TlsOptions } from '../../../src/probes/kinds/target-fields.js';
import type { CheckOptions } from '../../../src/probes/probe-model.js';
import { eventually } from '../../support/eventually.js';
import {
  closedLoopbackPort,
  listenOnLoopback,
  startSilentTcpServer,
  type LoopbackServer,
} from '../../support/loopback-servers.js';
import {
  issueCertificate,
  makeCertificateAuthority,
  makeSelfSignedCertificate,
  type CertificatePair,
} from '../../support/tls-certificates.js';

const hour = 3_600_000;
const options = { timeoutMs: 5000 };

describe('the TLS check', () => {
  let selfSigned: CertificatePair;
  let authority: CertificatePair;
  const servers: Record<'selfSigned' | 'issued' | 'expired', LoopbackServer> = {} as Record<
    'selfSigned' | 'issued' | 'expired',
    LoopbackServer
  >;
  // The SNI names servers were asked for, read during the handshake (the client may close
  // before the server side completes it), and the connections made.
  const serverNames: string[] = [];
  let connections = 0;
  let completed = 0;

  async function startTlsServer(pair: CertificatePair): Promise<LoopbackServer> {
    const server = createServer({
      key: pair.key,
      cert: pair.cert,
      SNICallback: (name, done) => {
        serverNames.push(name);
        done(null, undefined); // the server's own certificate
      },
    });
    server.on('connection', () => (connections += 1));
    server.on('secureConnection', (socket) => {
      completed += 1;
      socket.end();
    });
    server.on('tlsClientError', () => undefined);
    return listenOnLoopback(server);
  }

  beforeAll(async () => {
    selfSigned = makeSelfSignedCertificate({ days: 2 });
    authority = makeCertificateAuthority('Astreinte Test CA');
    servers.selfSigned = await startTlsServer(selfSigned);
    servers.issued = await startTlsServer(issueCertificate(authority, { days: 10 }));
    servers.expired = await startTlsServer(
      issueCertificate(authority, {
        notBefore: new Date('2020-01-01T00:00:00Z'),
        notAfter: new Date('2020-02-01T00:00:00Z'),
      }),
    );
  });
  afterAll(async () => {
    for (const server of Object.values(servers)) await server.close();
  });

  const check = (server: LoopbackServer, tls?: TlsOptions, checkOptions: CheckOptions = options) =>
    runTlsCheck(
      { kind: 'tls', host: '127.0.0.1', port: server.port, ...(tls === undefined ? {} : { tls }) },
      checkOptions,
    );

  it('finds a certificate valid when its CA is given, and reads its expiry, subject and issuer', async () => {
    const observation = await check(servers.issued, { ca: authority.cert });
    expect(observation).toMatchObject({
      reached: true,
      error: null,
      values: {
        CONNECTED: true,
        CERTIFICATE_VALID: true,
        CERTIFICATE_ERROR: null,
        CERTIFICATE_SUBJECT: 'localhost',
        CERTIFICATE_ISSUER: 'Astreinte Test CA',
        IP: '127.0.0.1',
      },
    });
    const expiration = observation.values['CERTIFICATE_EXPIRATION'] as number;
    expect(expiration).toBeGreaterThan(239 * hour);
    expect(expiration).toBeLessThan(241 * hour);
    expect(observation.values['RESPONSE_TIME']).toBe(observation.latencyMs);
  });

  it('sends no SNI to an IP address and checks the name against its IP entries', async () => {
    serverNames.length = 0;
    const connectionsBefore = connections;
    const observation = await check(servers.selfSigned, { ca: selfSigned.cert });
    expect(observation.values).toMatchObject({
      CERTIFICATE_VALID: true,
      CERTIFICATE_SUBJECT: 'localhost',
      CERTIFICATE_ISSUER: 'localhost',
    });
    expect(connections).toBe(connectionsBefore + 1);
    expect(serverNames).toEqual([]);
  });

  it('completes the handshake with an untrusted certificate and reports it invalid, as the error too', async () => {
    const observation = await check(servers.selfSigned);
    expect(observation).toMatchObject({ reached: true, values: { CONNECTED: true, CERTIFICATE_VALID: false } });
    expect(observation.values['CERTIFICATE_ERROR']).toBe('self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(observation.error).toBe(observation.values['CERTIFICATE_ERROR']);
    expect(observation.values['CERTIFICATE_EXPIRATION']).toBeGreaterThan(47 * hour);
  });

  it('reports the real verdict with insecure, but no error', async () => {
    const observation = await check(servers.issued, { insecure: true });
    expect(observation).toMatchObject({ reached: true, error: null, values: { CERTIFICATE_VALID: false } });
    expect(observation.values['CERTIFICATE_ERROR']).toMatch(
      /unable to verify the first certificate|unable to get local issuer certificate/,
    );
  });

  it('reports an expired certificate with a negative expiry', async () => {
    const observation = await check(servers.expired, { ca: authority.cert });
    expect(observation.values).toMatchObject({
      CONNECTED: true,
      CERTIFICATE_VALID: false,
      CERTIFICATE_ERROR: 'certificate has expired (CERT_HAS_EXPIRED)',
    });
    expect(observation.values['CERTIFICATE_EXPIRATION']).toBeLessThan(-365 * 24 * hour);
  });

  it('sends serverName as SNI and reports a certificate that does not name it', async () => {
    serverNames.length = 0;
    const matching = await check(servers.issued, { ca: authority.cert, serverName: 'localhost' });
    expect(matching.values['CERTIFICATE_VALID']).toBe(true);
    const mismatch = await check(servers.issued, { ca: authority.cert, serverName: 'status.example.org' });
    expect(mismatch.values).toMatchObject({ CONNECTED: true, CERTIFICATE_VALID: false });
    expect(mismatch.values['CERTIFICATE_ERROR']).toMatch(
      /Host: status\.example\.org\. is not in the cert's altnames: DNS:localhost/,
    );
    expect(serverNames).toEqual(['localhost', 'status.example.org']);
  });

  it('closes with the handshake complete on the server side too, which logs no failed client', async () => {
    const completedBefore = completed;
    await check(servers.issued, { ca: authority.cert });
    await eventually('the server to complete the handshake', () => (completed > completedBefore ? true : null), 3000);
  });

  it('reports a refused connection', async () => {
    const port = await closedLoopbackPort();
    const observation = await runTlsCheck({ kind: 'tls', host: '127.0.0.1', port }, options);
    expect(observation).toMatchObject({
      reached: false,
      error: `ECONNREFUSED 127.0.0.1:${port}`,
      values: { CONNECTED: false },
    });
  });

  it('gives up after timeoutMs on a server that never starts the handshake, and ends when cancelled', async () => {
    const silent = await startSilentTcpServer();
    try {
      const timedOut = await check(silent, undefined, { timeoutMs: 300 });
      expect(timedOut).toMatchObject({ reached: false, error: 'timeout after 300 ms', values: { CONNECTED: false } });
      expect(timedOut.latencyMs).toBeLessThan(2000);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      expect(await check(silent, undefined, { timeoutMs: 10_000, signal: controller.signal })).toMatchObject({
        reached: false,
        error: 'cancelled',
      });
    } finally {
      await silent.close();
    }
  });
});
