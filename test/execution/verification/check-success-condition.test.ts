import { describe, expect, it } from 'vitest';
import { checkSuccessCondition } from '../../../src/execution/verification/check-success-condition.js';
import type { SuccessCondition } from '../../../src/execution/verification/success-condition.js';

const condition = (parts: Partial<SuccessCondition>): SuccessCondition => ({
  exitCodes: [0],
  source: 'attributes',
  ...parts,
});

describe('checking a success condition', () => {
  it('passes on the expected exit status and text, white space aside', () => {
    expect(checkSuccessCondition(condition({ outputContains: 'PONG' }), { exitCode: 0, output: 'PONG\n' })).toEqual({
      condition: condition({ outputContains: 'PONG' }),
      passed: true,
      detail: 'exit status 0; output contains "PONG"',
    });
    expect(
      checkSuccessCondition(condition({ outputContains: 'state  |  count' }), {
        exitCode: 0,
        output: 'state | count\r\n',
      }).passed,
    ).toBe(true);
  });

  it('says each part that failed', () => {
    const verdict = checkSuccessCondition(condition({ outputContains: 'PONG', outputMatches: '^ok$' }), {
      exitCode: 1,
      output: 'NOAUTH Authentication required.',
    });
    expect(verdict).toMatchObject({
      passed: false,
      detail: 'exit status 1, expected 0; output does not contain "PONG"; output does not match /^ok$/',
    });
  });

  it('accepts the value alone for a key: value expectation, as jq prints it', () => {
    const expectation = condition({ outputContains: '"database": "connected"' });
    expect(checkSuccessCondition(expectation, { exitCode: 0, output: '"connected"\n' }).passed).toBe(true);
    expect(checkSuccessCondition(expectation, { exitCode: 0, output: '{"database": "connected"}' }).passed).toBe(true);
    expect(checkSuccessCondition(expectation, { exitCode: 0, output: '"disconnected"\n' }).passed).toBe(false);
  });

  it('reads the HTTP status from curl status lines or a written status code', () => {
    const ok = condition({ httpStatus: ['2xx'] });
    expect(
      checkSuccessCondition(ok, { exitCode: 0, output: 'HTTP/1.1 301 Moved\nLocation: /x\n\nHTTP/2 204\n' }).passed,
    ).toBe(true);
    expect(
      checkSuccessCondition(ok, { exitCode: 0, output: '* Trying 127.0.0.1\n< HTTP/1.1 503 Service Unavailable\n' }),
    ).toMatchObject({ passed: false, detail: 'HTTP status 503, expected 2xx' });
    expect(
      checkSuccessCondition(condition({ httpStatus: ['200'] }), { exitCode: 0, output: '{"status":"ok"}200' }).passed,
    ).toBe(true);
    expect(checkSuccessCondition(ok, { exitCode: 0, output: 'no status here\n' }).detail).toMatch(
      /no HTTP status in the output/,
    );
  });

  it('fails on an expected pattern that is not a regular expression, rather than throwing', () => {
    expect(checkSuccessCondition(condition({ outputMatches: '(' }), { exitCode: 0, output: '(' })).toMatchObject({
      passed: false,
    });
  });

  it('accepts another exit status when the runbook says so', () => {
    expect(checkSuccessCondition(condition({ exitCodes: [1] }), { exitCode: 1, output: '' }).passed).toBe(true);
    expect(checkSuccessCondition(condition({ exitCodes: [1] }), { exitCode: null, output: '' }).detail).toBe(
      'exit status none, expected 1',
    );
  });
});
