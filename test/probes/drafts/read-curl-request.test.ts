import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../src/probes/drafts/probe-host.js';
import { readCurlRequest } from '../../../src/probes/drafts/read-curl-request.js';

const context: CommandContext = {
  place: null,
  hasParameter: (text) => text.includes('$API_KEY') || text.includes('{{ host }}'),
};
const read = (...args: string[]) => readCurlRequest(args, context);

describe('reading a curl command as a request a probe can repeat', () => {
  it('reads bundled flags, attached values and the last method given', () => {
    expect(read('-fsSL', 'https://api.example.test/health')).toMatchObject({
      url: 'https://api.example.test/health',
      method: 'GET',
      insecure: false,
      body: null,
    });
    expect(read('-sXPOST', 'https://a.test/x')?.method).toBe('POST');
    expect(read('-X', 'GET', '--request', 'DELETE', 'https://a.test/x')?.method).toBe('DELETE');
    expect(read('-kI', 'https://a.test/')).toMatchObject({ method: 'HEAD', insecure: true });
    expect(read('-m', '2.5', '--url', 'https://a.test/slow')).toMatchObject({
      url: 'https://a.test/slow',
      timeoutMs: 2500,
    });
  });

  it('POSTs data joined as curl does, leaves files and forms out with a note, and sets JSON headers for --json', () => {
    expect(read('-d', 'a=1', '--data', 'b=2', 'https://a.test/form')).toMatchObject({
      method: 'POST',
      body: 'a=1&b=2',
    });
    const fromFile = read('--data-binary', '@payload.json', 'https://a.test/upload');
    expect(fromFile).toMatchObject({ method: 'POST', body: null });
    expect(fromFile?.notes.join(' ')).toContain('payload.json');
    expect(read('-F', 'file=@x', 'https://a.test/upload')?.method).toBe('POST');
    expect(read('--json', '{"a":1}', 'https://a.test/api')).toMatchObject({
      body: '{"a":1}',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    });
  });

  it('keeps plain headers, secret ones only as placeholders, and withholds credentials written out', () => {
    const request = read(
      '-H',
      'Accept: application/json',
      '-H',
      'X-Api-Key: $API_KEY',
      '-u',
      'admin:hunter2',
      '-A',
      'probe/1',
      'https://a.test/',
    );
    expect(request).toMatchObject({
      headers: { Accept: 'application/json', 'User-Agent': 'probe/1' },
      secretHeaders: { 'X-Api-Key': '$API_KEY' },
      needs: ['Authorization'],
      withheld: ['admin:hunter2'],
    });
    expect(read('-H', 'Cookie: session=abc', 'https://a.test/')).toMatchObject({
      headers: {},
      secretHeaders: {},
      needs: ['Cookie'],
      withheld: ['session=abc'],
    });
  });

  it('adds http:// to a bare host, keeps a placeholder URL as written, and reads nothing else as a URL', () => {
    expect(read('localhost:3000/health')?.url).toBe('http://localhost:3000/health');
    expect(read('http://{{ host }}:8080/health')?.url).toBe('http://{{ host }}:8080/health');
    expect(read('-s', 'ftp://files.test/x')).toBeNull();
    expect(read('-s')).toBeNull();
    expect(read('-X', 'PURGE', 'https://cdn.test/x')).toBeNull();
  });
});
