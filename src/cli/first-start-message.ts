import { setupLinkUrl, setupLinkValidMs } from '../auth/setup-link-secret.js';
import type { SecretKeySource } from '../node/node-secret-key.js';

export interface StartFacts {
  /** Where people open the console: the public URL, else the address listened on. */
  consoleUrl: string;
  setupToken: string | null;
  adminToken: string | null;
  secretKey: SecretKeySource;
}

const hours = setupLinkValidMs / 3_600_000;

/** The URL a browser can open: a wildcard bind address is reached as localhost. */
export function consoleUrlOf(listening: string, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return publicUrl.replace(/\/+$/, '');
  return listening.replace(/^http:\/\/(0\.0\.0\.0|\[::\])(?=:)/, 'http://localhost');
}

/**
 * What `astreinte serve` says besides its logs, in plain words: on the first start, the setup
 * link, the first admin token and where the secret key was made; on a PostgreSQL without a key,
 * that secrets cannot be stored. Printed as `label: value` lines, which scripts and benches read
 * (`First admin token (…): ast_…`); on a terminal (`pretty`) the first start stands out as a
 * spaced, indented block around the same lines. (The JSON logs stay JSON: no log prettifier is
 * installed, and this is the one message a person must read.)
 */
export function startMessage(facts: StartFacts, pretty: boolean): string[] {
  const lines: string[] = [];
  if (facts.setupToken !== null) {
    lines.push(
      `Console: ${facts.consoleUrl}`,
      `Setup link (choose the admin password in your browser; works once, for ${hours} hours): ${setupLinkUrl(facts.consoleUrl, facts.setupToken)}`,
    );
  }
  if (facts.adminToken !== null)
    lines.push(
      `First admin token (shown only this once; store it now, it cannot be displayed again): ${facts.adminToken}`,
    );
  if (facts.secretKey.from === 'file' && facts.secretKey.created)
    lines.push(
      `Secret key: created ${facts.secretKey.file} (it seals stored secrets; back it up with the data folder, ` +
        'or set ASTREINTE_SECRET_KEY to use your own)',
    );
  if (facts.secretKey.from === 'none')
    lines.push(
      'Secret key: none (ASTREINTE_SECRET_KEY is not set): step secrets, SQL connections and credentials of ' +
        'channels and probes cannot be saved until every node has the same key (openssl rand -base64 32)',
    );
  if (!pretty || facts.setupToken === null) return lines;
  return ['', 'First start of this database:', '', ...lines.flatMap((line) => [`  ${line}`, '']), ''];
}
