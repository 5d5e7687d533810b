import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private key and its certificate, both PEM. */
export interface CertificatePair {
  key: string;
  cert: string;
}

export interface CertificateRequest {
  /** Default `localhost`. */
  commonName?: string;
  /** subjectAltName entries; default `DNS:localhost`, `IP:127.0.0.1`. */
  altNames?: string[];
  /** Validity from now; default 2. Ignored when `notBefore` and `notAfter` are given. */
  days?: number;
  /** A fixed validity window (e.g. in the past, for an expired certificate). */
  notBefore?: Date;
  notAfter?: Date;
}

const defaultAltNames = ['DNS:localhost', 'IP:127.0.0.1'];

/**
 * A self-signed certificate valid from now for `days`, made with the `openssl` command line
 * (`req -x509`), so the tests trust it through `tls.ca` exactly as a user would.
 */
export function makeSelfSignedCertificate(request: CertificateRequest = {}): CertificatePair {
  return inTempDir((dir) => {
    const altNames = (request.altNames ?? defaultAltNames).join(',');
    runOpenssl(dir, [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      String(request.days ?? 2),
      '-subj',
      `/CN=${request.commonName ?? 'localhost'}`,
      '-addext',
      `subjectAltName=${altNames}`,
      '-keyout',
      'key.pem',
      '-out',
      'cert.pem',
    ]);
    return readPair(dir);
  });
}

/** A certificate authority (self-signed, `CA:true`) to issue leaves with `issueCertificate`. */
export function makeCertificateAuthority(commonName = 'Astreinte Test CA'): CertificatePair {
  return makeSelfSignedCertificate({
    commonName,
    days: 30,
    altNames: [`DNS:${commonName.replaceAll(' ', '-').toLowerCase()}`],
  });
}

/**
 * A leaf certificate signed by `ca`. `openssl ca` is used rather than `x509 -req` because it
 * takes explicit `-startdate`/`-enddate` (OpenSSL 3.0 has no `-not_before` before 3.4), which
 * is how an already expired certificate is made without faking the clock.
 */
export function issueCertificate(ca: CertificatePair, request: CertificateRequest = {}): CertificatePair {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'ca-key.pem'), ca.key);
    writeFileSync(join(dir, 'ca-cert.pem'), ca.cert);
    writeFileSync(join(dir, 'index.txt'), '');
    mkdirSync(join(dir, 'issued'));
    writeFileSync(join(dir, 'ca.cnf'), caConfig(request.altNames ?? defaultAltNames));
    runOpenssl(dir, [
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${request.commonName ?? 'localhost'}`,
      '-keyout',
      'key.pem',
      '-out',
      'leaf.csr',
    ]);
    const validity =
      request.notBefore !== undefined && request.notAfter !== undefined
        ? ['-startdate', opensslDate(request.notBefore), '-enddate', opensslDate(request.notAfter)]
        : ['-days', String(request.days ?? 2)];
    runOpenssl(dir, [
      'ca',
      '-batch',
      '-notext',
      '-config',
      'ca.cnf',
      '-extensions',
      'leaf',
      '-cert',
      'ca-cert.pem',
      '-keyfile',
      'ca-key.pem',
      '-in',
      'leaf.csr',
      '-out',
      'cert.pem',
      ...validity,
    ]);
    return readPair(dir);
  });
}

// The least `openssl ca` needs: its database files, a policy, and the leaf's extensions.
function caConfig(altNames: string[]): string {
  return [
    '[ca]',
    'default_ca = test_ca',
    '[test_ca]',
    'dir = .',
    'database = index.txt',
    'new_certs_dir = issued',
    'rand_serial = yes',
    'default_md = sha256',
    'policy = any_policy',
    'unique_subject = no',
    'email_in_dn = no',
    '[any_policy]',
    'commonName = supplied',
    '[leaf]',
    'basicConstraints = CA:FALSE',
    `subjectAltName = ${altNames.join(',')}`,
    '',
  ].join('\n');
}

/** `20200101000000Z`: the GeneralizedTime form `openssl ca` accepts. */
function opensslDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
}

function runOpenssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function readPair(dir: string): CertificatePair {
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'astreinte-certs-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
