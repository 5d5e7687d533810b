import { createServer } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHttpCheck } from '../../../src/probes/checks/http-check.js';
import type { TlsOptions } from '../../../src/probes/kinds/target-fields.js';
import { listenOnLoopback, type LoopbackServer } from '../../support/loopback-servers.js';
import {
  issueCertificate,
  makeCertificateAuthority,
  makeSelfSignedCertificate,
  type CertificatePair,
} from '../../support/tls-certificates.js';

const hour = 3_600_000;
const options = { timeoutMs: 5000 };

async function startHttpsServer(pair: CertificatePair): Promise<LoopbackServer> {
  return listenOnLoopback(
    createServer({ key: pair.key, cert: pair.cert }, (_request, response) => response.end('secure ok')),
  );
}

describe('the HTTP check over https', () => {
  let selfSigned: CertificatePair;
  let authority: CertificatePair;
  let fresh: LoopbackServer;
  let expired: LoopbackServer;

  beforeAll(async () => {
    selfSigned = makeSelfSignedCertificate({ days: 2, commonName: 'localhost' });
    authority = makeCertificateAuthority();
    const expiredLeaf = issueCertificate(authority, {
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2020-02-01T00:00:00Z'),
    });
    fresh = await startHttpsServer(selfSigned);
    expired = await startHttpsServer(expiredLeaf);
  });
  afterAll(async () => {
    await fresh.close();
    await expired.close();
  });

  const check = (server: LoopbackServer, tls?: TlsOptions) =>
    runHttpCheck(
      { kind: 'http', url: `https://127.0.0.1:${server.port}/`, ...(tls === undefined ? {} : { tls }) },
      options,
    );

  it('trusts a certificate through tls.ca and observes the time left before it expires', async () => {
    const observation = await check(fresh, { ca: selfSigned.cert });
    expect(observation).toMatchObject({
      reached: true,
      error: null,
      values: { STATUS: 200, BODY: 'secure ok', IP: '127.0.0.1' },
    });
    const expiration = observation.values['CERTIFICATE_EXPIRATION'] as number;
    expect(expiration).toBeGreaterThan(47 * hour);
    expect(expiration).toBeLessThan(49 * hour);
  });

  it('refuses a self-signed certificate it was not told to trust', async () => {
    const observation = await check(fresh);
    expect(observation).toMatchObject({ reached: false, values: { CONNECTED: false } });
    expect(observation.error).toMatch(/self-signed certificate|unable to verify/);
  });

  it('accepts any certificate with insecure, and still reads its expiry', async () => {
    const observation = await check(fresh, { insecure: true });
    expect(observation).toMatchObject({ reached: true, error: null, values: { STATUS: 200 } });
    expect(observation.values['CERTIFICATE_EXPIRATION']).toBeGreaterThan(47 * hour);
  });

  it('refuses an expired certificate from a trusted authority, naming the reason', async () => {
    const observation = await check(expired, { ca: authority.cert });
    expect(observation).toMatchObject({ reached: false, error: 'certificate has expired (CERT_HAS_EXPIRED)' });
  });

  it('observes a negative expiry for an expired certificate accepted with insecure', async () => {
    const observation = await check(expired, { insecure: true });
    expect(observation).toMatchObject({ reached: true, error: null, values: { STATUS: 200 } });
    expect(observation.values['CERTIFICATE_EXPIRATION']).toBeLessThan(-365 * 24 * hour);
  });

  it('checks the certificate against serverName rather than the URL host', async () => {
    expect((await check(fresh, { ca: selfSigned.cert, serverName: 'localhost' })).reached).toBe(true);
    const mismatch = await check(fresh, { ca: selfSigned.cert, serverName: 'status.example.org' });
    expect(mismatch).toMatchObject({ reached: false });
    expect(mismatch.error).toMatch(/does not match certificate's altnames.*ERR_TLS_CERT_ALTNAME_INVALID/);
  });
});
