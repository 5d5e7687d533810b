import { readFileSync } from 'node:fs';
import type { Config } from './config.js';

/** The TLS material of the inbound SMTP listener, read at start. */
export interface InboundSmtpTls {
  cert: Buffer;
  key: Buffer;
}

/**
 * What the inbound SMTP settings must agree on, each problem with its source: a listener needs the
 * domain its reply addresses use (else no page would ever name it), and a certificate goes with its
 * key. Files are read here too, so that a wrong path stops the start rather than the first STARTTLS.
 */
export function checkInboundSmtpSettings(config: Config, origin: Readonly<Record<string, string>>): string[] {
  const where = (key: keyof Config, fallback: string): string => origin[key] ?? fallback;
  const problems: string[] = [];
  if (config.inboundSmtpPort !== undefined && config.inboundSmtpDomain === undefined) {
    problems.push(
      'ASTREINTE_INBOUND_SMTP_DOMAIN: required when ASTREINTE_INBOUND_SMTP_PORT is set (the domain of reply addresses)',
    );
  }
  const cert = config.inboundSmtpTlsCert;
  const key = config.inboundSmtpTlsKey;
  if ((cert === undefined) !== (key === undefined)) {
    problems.push(
      'ASTREINTE_INBOUND_SMTP_TLS_CERT and ASTREINTE_INBOUND_SMTP_TLS_KEY: give both (a certificate and its key) or neither',
    );
  }
  for (const [name, path] of [
    ['inboundSmtpTlsCert', cert],
    ['inboundSmtpTlsKey', key],
  ] as const) {
    if (path === undefined) continue;
    try {
      readFileSync(path);
    } catch (error) {
      problems.push(
        `${where(name, name === 'inboundSmtpTlsCert' ? 'ASTREINTE_INBOUND_SMTP_TLS_CERT' : 'ASTREINTE_INBOUND_SMTP_TLS_KEY')}: ${(error as Error).message}`,
      );
    }
  }
  return problems;
}

/** The certificate and key when both are configured (checked at start by `checkInboundSmtpSettings`). */
export function readInboundSmtpTls(config: Config): InboundSmtpTls | undefined {
  if (config.inboundSmtpTlsCert === undefined || config.inboundSmtpTlsKey === undefined) return undefined;
  return { cert: readFileSync(config.inboundSmtpTlsCert), key: readFileSync(config.inboundSmtpTlsKey) };
}
