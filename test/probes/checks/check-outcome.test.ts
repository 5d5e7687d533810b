import { describe, expect, it } from 'vitest';
import { describeError, unreachedObservation } from '../../../src/probes/checks/check-outcome.js';
import { startBudget } from '../../../src/probes/checks/check-timing.js';

function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('the description of a check error', () => {
  it('drops the syscall before the code, as in ECONNREFUSED 127.0.0.1:5432', () => {
    expect(
      describeError(nodeError('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect' })),
    ).toBe('ECONNREFUSED 127.0.0.1:5432');
    expect(
      describeError(nodeError('getaddrinfo ENOTFOUND db.internal', { code: 'ENOTFOUND', syscall: 'getaddrinfo' })),
    ).toBe('ENOTFOUND db.internal');
  });

  it('adds the code when the message lacks it', () => {
    expect(describeError(nodeError('certificate has expired', { code: 'CERT_HAS_EXPIRED' }))).toBe(
      'certificate has expired (CERT_HAS_EXPIRED)',
    );
  });

  it("keeps only OpenSSL's reason of a TLS library error", () => {
    const error = nodeError(
      '80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:ssl3_record.c:350:\n',
      {
        code: 'ERR_SSL_WRONG_VERSION_NUMBER',
        reason: 'wrong version number',
        library: 'SSL routines',
      },
    );
    expect(describeError(error)).toBe('wrong version number (ERR_SSL_WRONG_VERSION_NUMBER)');
  });

  it('lists each address of a happy-eyeballs connect that failed on all of them', () => {
    const error = new AggregateError([
      nodeError('connect ECONNREFUSED ::1:80', { code: 'ECONNREFUSED', syscall: 'connect' }),
      nodeError('connect ECONNREFUSED 127.0.0.1:80', { code: 'ECONNREFUSED', syscall: 'connect' }),
    ]);
    expect(describeError(error)).toBe('ECONNREFUSED ::1:80; ECONNREFUSED 127.0.0.1:80');
  });

  it("prefers the budget's reason to the error a destroyed socket reports", () => {
    const budget = startBudget({ timeoutMs: 5000, signal: AbortSignal.abort() });
    budget.end();
    const observation = unreachedObservation(budget, nodeError('socket hang up', { code: 'ECONNRESET' }));
    expect(observation).toMatchObject({ reached: false, error: 'cancelled', values: { CONNECTED: false } });
  });
});
