import { describe, expect, it } from 'vitest';
import { consoleUrlOf, startMessage, type StartFacts } from '../../src/cli/first-start-message.js';

const firstStart: StartFacts = {
  consoleUrl: 'http://127.0.0.1:8080',
  setupToken: 'asu_abc',
  adminToken: 'ast_xyz',
  secretKey: { from: 'file', file: '/srv/data/secret.key', created: true },
};

describe('what serve prints besides its logs', () => {
  it('gives the setup link, the admin token and the new key file as label: value lines when piped', () => {
    expect(startMessage(firstStart, false)).toEqual([
      'Console: http://127.0.0.1:8080',
      'Setup link (choose the admin password in your browser; works once, for 24 hours): http://127.0.0.1:8080/setup?token=asu_abc',
      'First admin token (shown only this once; store it now, it cannot be displayed again): ast_xyz',
      'Secret key: created /srv/data/secret.key (it seals stored secrets; back it up with the data folder, or set ASTREINTE_SECRET_KEY to use your own)',
    ]);
  });

  it('sets the same lines apart, indented between blank lines, on a terminal', () => {
    const pretty = startMessage(firstStart, true);
    expect(pretty[1]).toBe('First start of this database:');
    expect(pretty.filter((line) => line.startsWith('  ')).map((line) => line.trim())).toEqual(
      startMessage(firstStart, false),
    );
  });

  it('says nothing on a restart, but warns on PostgreSQL without a key', () => {
    const restart: StartFacts = { ...firstStart, setupToken: null, adminToken: null };
    expect(startMessage({ ...restart, secretKey: { from: 'file', file: '/k', created: false } }, true)).toEqual([]);
    expect(startMessage({ ...restart, secretKey: { from: 'config' } }, false)).toEqual([]);
    expect(startMessage({ ...restart, secretKey: { from: 'none' } }, false)).toEqual([
      expect.stringMatching(/^Secret key: none \(ASTREINTE_SECRET_KEY is not set\): .* cannot be saved/),
    ]);
  });

  it('links to the public URL when there is one, else to localhost for a wildcard address', () => {
    expect(consoleUrlOf('http://0.0.0.0:8080', undefined)).toBe('http://localhost:8080');
    expect(consoleUrlOf('http://[::]:8080', undefined)).toBe('http://localhost:8080');
    expect(consoleUrlOf('http://10.0.0.5:8080', undefined)).toBe('http://10.0.0.5:8080');
    expect(consoleUrlOf('http://0.0.0.0:8080', 'https://oncall.example.test/')).toBe('https://oncall.example.test');
  });
});
