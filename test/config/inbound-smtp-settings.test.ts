import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { readInboundSmtpTls } from '../../src/config/inbound-smtp-settings.js';

describe('inbound SMTP settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'astreinte-inbound-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are off by default, and a listener needs the domain of its reply addresses', () => {
    expect(loadConfig({ env: {} }).inboundSmtpPort).toBeUndefined();
    expect(() => loadConfig({ env: { ASTREINTE_INBOUND_SMTP_PORT: '2525' } })).toThrow(
      /ASTREINTE_INBOUND_SMTP_DOMAIN: required/,
    );
    const config = loadConfig({
      env: { ASTREINTE_INBOUND_SMTP_PORT: '2525', ASTREINTE_INBOUND_SMTP_DOMAIN: 'replies.example.com' },
    });
    expect(config).toMatchObject({ inboundSmtpPort: 2525, inboundSmtpHost: '127.0.0.1' });
    expect(() => loadConfig({ env: { ASTREINTE_INBOUND_SMTP_DOMAIN: 'not a domain' } })).toThrow(
      /ASTREINTE_INBOUND_SMTP_DOMAIN/,
    );
  });

  it('take a certificate with its key, both readable at start, or neither', () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    writeFileSync(cert, 'CERT');
    writeFileSync(key, 'KEY');
    expect(() => loadConfig({ env: { ASTREINTE_INBOUND_SMTP_TLS_CERT: cert } })).toThrow(/give both/);
    expect(() =>
      loadConfig({ env: { ASTREINTE_INBOUND_SMTP_TLS_CERT: cert, ASTREINTE_INBOUND_SMTP_TLS_KEY: join(dir, 'none') } }),
    ).toThrow(/ASTREINTE_INBOUND_SMTP_TLS_KEY: .*no such file/);
    const config = loadConfig({ env: { ASTREINTE_INBOUND_SMTP_TLS_CERT: cert, ASTREINTE_INBOUND_SMTP_TLS_KEY: key } });
    expect(readInboundSmtpTls(config)).toEqual({ cert: Buffer.from('CERT'), key: Buffer.from('KEY') });
  });
});
