import { describe, expect, it } from 'vitest';
import { compileMatchers, type LabelMatcher } from '../../../src/alerts/matching/label-matchers.js';
import { findSilences, type SilenceWindow } from '../../../src/alerts/matching/find-silences.js';
import { AppError } from '../../../src/core/app-error.js';

const start = new Date('2025-03-01T10:00:00Z');
const end = new Date('2025-03-01T12:00:00Z');
const redisDown: LabelMatcher[] = [{ name: 'alertname', operator: '=', value: 'RedisDown' }];

function silence(id: string, matchers: SilenceWindow['matchers'], startsAt = start, endsAt = end): SilenceWindow {
  return { id, matchers, startsAt, endsAt };
}

describe('findSilences', () => {
  it('returns the silences whose matchers all match the labels', () => {
    const silences = [
      silence('redis', redisDown),
      silence('staging', [{ name: 'env', operator: '=', value: 'staging' }]),
      silence('redis-prod', [...redisDown, { name: 'env', operator: '=~', value: 'prod|production' }]),
    ];
    expect(findSilences(silences, { alertname: 'RedisDown', env: 'prod' }, new Date('2025-03-01T11:00:00Z'))).toEqual([
      'redis',
      'redis-prod',
    ]);
    expect(findSilences(silences, { alertname: 'OSRMDown', env: 'prod' }, new Date('2025-03-01T11:00:00Z'))).toEqual(
      [],
    );
  });

  it('mutes from startsAt included to endsAt excluded', () => {
    const silences = [silence('window', redisDown)];
    const labels = { alertname: 'RedisDown' };
    expect(findSilences(silences, labels, new Date(start.getTime() - 1))).toEqual([]);
    expect(findSilences(silences, labels, start)).toEqual(['window']);
    expect(findSilences(silences, labels, new Date(end.getTime() - 1))).toEqual(['window']);
    expect(findSilences(silences, labels, end)).toEqual([]);
  });

  it('takes matchers already compiled', () => {
    const compiled = compileMatchers([{ name: 'team', operator: '=~', value: 'pay.*' }]);
    expect(findSilences([silence('team', compiled)], { team: 'payments' }, start)).toEqual(['team']);
    expect(findSilences([silence('team', compiled)], { team: 'search' }, start)).toEqual([]);
  });

  it('applies Alertmanager semantics to missing labels and regexes', () => {
    const silences = [
      silence('no-team', [{ name: 'team', operator: '=', value: '' }]),
      silence('tests', [{ name: 'job', operator: '=~', value: 'test.*' }]),
    ];
    expect(findSilences(silences, { job: 'integration-test' }, start)).toEqual(['no-team']);
    expect(findSilences(silences, { job: 'test-runner', team: 'qa' }, start)).toEqual(['tests']);
  });

  it('compiles the matchers of a silence once for every alert checked against it', () => {
    const matchers: LabelMatcher[] = [{ name: 'instance', operator: '=~', value: 'db-[0-9]+' }];
    const silences = [silence('db', matchers)];
    const first = performance.now();
    for (let i = 0; i < 20_000; i += 1) findSilences(silences, { instance: `db-${i}` }, start);
    // Generous bound: compiling a regex per call would still pass on a fast machine, so also check results.
    expect(performance.now() - first).toBeLessThan(2000);
    expect(findSilences(silences, { instance: 'db-x' }, start)).toEqual([]);
  });

  it('reports a stored silence whose regex does not compile at its place in the list', () => {
    const silences = [silence('ok', redisDown), silence('broken', [{ name: 'a', operator: '=~', value: '(?=x)' }])];
    try {
      findSilences(silences, { alertname: 'RedisDown' }, start);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details['issues']).toEqual([
        { path: '/silences/1/matchers/0/value', message: expect.any(String) },
      ]);
    }
  });
});
