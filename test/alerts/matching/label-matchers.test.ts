import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/app-error.js';
import {
  compileMatchers,
  parseMatcher,
  regexProblem,
  type LabelMatcher,
} from '../../../src/alerts/matching/label-matchers.js';

/** The issues of the validation error `run` throws. */
function issuesOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    return (error as AppError).details['issues'];
  }
  throw new Error('expected a validation error');
}

const matches = (matchers: LabelMatcher[], labels: Record<string, string>): boolean =>
  compileMatchers(matchers)(labels);

describe('parseMatcher', () => {
  it('reads the four operators with quoted values', () => {
    expect(parseMatcher('alertname="RedisDown"')).toEqual({ name: 'alertname', operator: '=', value: 'RedisDown' });
    expect(parseMatcher('severity=~"critical|warning"')).toEqual({
      name: 'severity',
      operator: '=~',
      value: 'critical|warning',
    });
    expect(parseMatcher('job!~"test.*"')).toEqual({ name: 'job', operator: '!~', value: 'test.*' });
    expect(parseMatcher('env != "staging"')).toEqual({ name: 'env', operator: '!=', value: 'staging' });
  });

  it('reads unquoted values and trims the spaces around them', () => {
    expect(parseMatcher('  team = payments  ')).toEqual({ name: 'team', operator: '=', value: 'payments' });
    expect(parseMatcher('instance=~db-[0-9]+')).toEqual({ name: 'instance', operator: '=~', value: 'db-[0-9]+' });
    expect(parseMatcher('team=')).toEqual({ name: 'team', operator: '=', value: '' });
  });

  it('unescapes quotes, backslashes and newlines as Alertmanager does and keeps other escapes for regexes', () => {
    expect(parseMatcher('summary="say \\"hi\\""').value).toBe('say "hi"');
    expect(parseMatcher('path="C:\\\\logs"').value).toBe('C:\\logs');
    expect(parseMatcher('instance=~"db\\.prod\\d+"').value).toBe('db\\.prod\\d+');
  });

  it('reads a quoted label name and names with dots and dashes', () => {
    expect(parseMatcher('"service name"="api"')).toEqual({ name: 'service name', operator: '=', value: 'api' });
    expect(parseMatcher('k8s.namespace-name="prod"').name).toBe('k8s.namespace-name');
  });

  it('refuses text that is not a matcher, at the path the caller gives', () => {
    expect(issuesOf(() => parseMatcher('just words', '/matchers/0'))).toEqual([
      { path: '/matchers/0', message: expect.any(String) },
    ]);
    expect(issuesOf(() => parseMatcher('=value', '/matchers/1'))).toEqual([
      { path: '/matchers/1', message: expect.any(String) },
    ]);
    expect(issuesOf(() => parseMatcher('a="unterminated', '/m'))).toEqual([
      { path: '/m', message: 'missing closing "' },
    ]);
    expect(issuesOf(() => parseMatcher('a="in"side"', '/m'))).toHaveLength(1);
    expect(issuesOf(() => parseMatcher('a=in"side', '/m'))).toHaveLength(1);
  });

  it('refuses an invalid regex when it reads the matcher', () => {
    expect(issuesOf(() => parseMatcher('job=~"(unclosed"', '/matchers/3'))).toEqual([
      { path: '/matchers/3', message: expect.any(String) },
    ]);
  });
});

describe('compileMatchers', () => {
  it('requires every matcher to match', () => {
    const matchers: LabelMatcher[] = [
      { name: 'alertname', operator: '=', value: 'RedisDown' },
      { name: 'severity', operator: '=~', value: 'critical|warning' },
    ];
    expect(matches(matchers, { alertname: 'RedisDown', severity: 'critical' })).toBe(true);
    expect(matches(matchers, { alertname: 'RedisDown', severity: 'info' })).toBe(false);
    expect(matches(matchers, { alertname: 'OSRMDown', severity: 'critical' })).toBe(false);
  });

  it('matches everything when there are no matchers', () => {
    expect(matches([], { anything: 'at all' })).toBe(true);
  });

  it('reads a missing label as the empty string', () => {
    expect(matches([{ name: 'team', operator: '=', value: '' }], {})).toBe(true);
    expect(matches([{ name: 'team', operator: '!=', value: '' }], {})).toBe(false);
    expect(matches([{ name: 'team', operator: '=~', value: '.*' }], {})).toBe(true);
    expect(matches([{ name: 'team', operator: '=~', value: '.+' }], {})).toBe(false);
    expect(matches([{ name: 'team', operator: '!~', value: 'ops' }], {})).toBe(true);
  });

  it('does not read labels from the object prototype', () => {
    expect(matches([{ name: 'constructor', operator: '=', value: '' }], {})).toBe(true);
    expect(matches([{ name: 'toString', operator: '=~', value: '.+' }], {})).toBe(false);
  });

  it('anchors regexes to the whole value', () => {
    const job = (value: string): boolean => matches([{ name: 'job', operator: '=~', value: 'test.*' }], { job: value });
    expect(job('test-api')).toBe(true);
    expect(job('api-test')).toBe(false);
    const alternation = (value: string): boolean =>
      matches([{ name: 'sev', operator: '=~', value: 'critical|warning' }], { sev: value });
    expect(alternation('warning')).toBe(true);
    // Without the group, `^critical|warning$` would accept this.
    expect(alternation('critical-ish')).toBe(false);
    expect(matches([{ name: 'job', operator: '!~', value: 'test.*' }], { job: 'api-test' })).toBe(true);
  });

  it('compares equality exactly, case included', () => {
    expect(matches([{ name: 'env', operator: '=', value: 'prod' }], { env: 'Prod' })).toBe(false);
    expect(matches([{ name: 'env', operator: '!=', value: 'prod' }], { env: 'Prod' })).toBe(true);
  });

  it('accepts RE2 syntax JavaScript writes differently', () => {
    const regex = (value: string, label: string): boolean =>
      matches([{ name: 'l', operator: '=~', value }], { l: label });
    expect(regex('(?i)critical', 'CRITICAL')).toBe(true);
    expect(regex('db\\-[0-9]+', 'db-12')).toBe(true);
    expect(regex('a{,2}', 'a{,2}')).toBe(true);
    expect(regex('[[:digit:]]+', '2024')).toBe(true);
    expect(regex('\\Qa.b\\E', 'a.b')).toBe(true);
    expect(regex('\\Qa.b\\E', 'axb')).toBe(false);
    expect(regex('(?P<env>prod|staging)-eu', 'prod-eu')).toBe(true);
    expect(regex('\\pL+', 'Zürich')).toBe(true);
    expect(regex('[]a]+', ']a]')).toBe(true);
    expect(regex('\\x{e9}t\\xe9', 'été')).toBe(true);
    expect(regex('.', '😀')).toBe(true);
  });

  it('refuses lookarounds and backreferences, which JavaScript accepts and RE2 does not', () => {
    expect(regexProblem({ name: 'l', operator: '=~', value: 'foo(?=bar)' })).toMatch(/lookahead/);
    expect(regexProblem({ name: 'l', operator: '!~', value: '(?<!x)y' })).toMatch(/lookbehind/);
    expect(regexProblem({ name: 'l', operator: '=~', value: '(a)\\1' })).toMatch(/backreference/);
    expect(regexProblem({ name: 'l', operator: '=~', value: 'a{1001}' })).toMatch(/1000/);
    expect(regexProblem({ name: 'l', operator: '=~', value: 'ab(?i)c' })).toMatch(/inline flags/);
    expect(regexProblem({ name: 'l', operator: '=~', value: '\\u0041' })).toMatch(/invalid escape/);
    expect(regexProblem({ name: 'l', operator: '=', value: '(a)\\1' })).toBeNull();
  });

  it('refuses a regex whose nested quantifiers could backtrack for ever, which RE2 would run in linear time', () => {
    expect(regexProblem({ name: 'instance', operator: '=~', value: '(a+)+$' })).toMatch(/exponential time/);
    expect(regexProblem({ name: 'instance', operator: '!~', value: '(\\w*)*x' })).toMatch(/exponential time/);
    expect(regexProblem({ name: 'instance', operator: '=~', value: 'web-[0-9]+\\.prod' })).toBeNull();
  });

  it('reports every invalid regex at <path>/<index>/value', () => {
    const matchers: LabelMatcher[] = [
      { name: 'a', operator: '=', value: '(' },
      { name: 'b', operator: '=~', value: 'fine.*' },
      { name: 'c', operator: '=~', value: '(unclosed' },
      { name: 'd', operator: '!~', value: 'x(?!y)' },
    ];
    expect(issuesOf(() => compileMatchers(matchers, '/matchers'))).toEqual([
      { path: '/matchers/2/value', message: expect.any(String) },
      { path: '/matchers/3/value', message: expect.stringMatching(/lookahead/) },
    ]);
  });

  it('says why a regex does not compile without repeating the anchors it added', () => {
    const [issue] = issuesOf(() => compileMatchers([{ name: 'c', operator: '=~', value: '(unclosed' }], '/m')) as {
      message: string;
    }[];
    expect(issue!.message).not.toContain('^(?:');
    expect(issue!.message.length).toBeGreaterThan(0);
  });
});
