import { describe, expect, it } from 'vitest';
import { checkConditions, conditionPlaceholders, parseCondition } from '../../../src/probes/conditions/index.js';
import { probeKinds } from '../../../src/probes/probe-kinds.js';

describe('condition placeholders', () => {
  it('lists each name once, in order of appearance', () => {
    expect(conditionPlaceholders(parseCondition('[INFO].used_memory / [INFO].maxmemory < 0.85'))).toEqual(['INFO']);
    expect(conditionPlaceholders(parseCondition('[CONNECTIONS] / [MAX_CONNECTIONS] < 0.8'))).toEqual([
      'CONNECTIONS',
      'MAX_CONNECTIONS',
    ]);
    expect(conditionPlaceholders(parseCondition('len([ROWS]) == [ROW].count'))).toEqual(['ROWS', 'ROW']);
    expect(conditionPlaceholders(parseCondition('1 == 1'))).toEqual([]);
  });

  it('counts $ as BODY', () => {
    expect(conditionPlaceholders(parseCondition('$.database == "connected"'))).toEqual(['BODY']);
  });
});

describe('checking conditions', () => {
  it('accepts the examples of each kind with its placeholders', () => {
    const examples = {
      http: [
        '[STATUS] == 200',
        '[RESPONSE_TIME] < 300',
        '[BODY].database == connected',
        '$.database == "connected"',
        'len([BODY].items) > 0',
        '[BODY] contains "ok"',
        '[BODY] !contains "error"',
        '[BODY] =~ "^UP"',
        '[CERTIFICATE_EXPIRATION] > 48h',
        '[STATUS] != 503',
      ],
      tcp: ['[CONNECTED]', '[RESPONSE_TIME] <= 1.5s'],
      tls: ['[CERTIFICATE_EXPIRATION] > 48h', '[CERTIFICATE_VALID] == true'],
      dns: ['[DNS_ANSWERS] contains 10.0.0.1', '[DNS_RCODE] == NOERROR'],
      postgres: ['[ROW].count <= 10', '[CONNECTIONS] / [MAX_CONNECTIONS] < 0.8'],
      redis: ['[PING] == PONG', '[INFO].used_memory / [INFO].maxmemory < 85%', '[CONNECTED] == true'],
      prometheus: ['[VALUE] > 0.05', '[LABELS].job == postgres'],
    } as const;
    for (const [kind, texts] of Object.entries(examples) as [keyof typeof examples, readonly string[]][]) {
      const { conditions, issues } = checkConditions(texts, probeKinds[kind].placeholders);
      expect(issues, kind).toEqual([]);
      expect(conditions.map((condition) => condition.text)).toEqual(texts);
    }
  });

  it('reports a placeholder the kind does not fill, with the known ones', () => {
    const { conditions, issues } = checkConditions(['[CONNECTED]', '[STATUS] == 200'], probeKinds.redis.placeholders);
    expect(issues).toEqual([
      {
        path: '/conditions/1',
        message: 'unknown placeholder [STATUS] for this kind; known: [CONNECTED], [RESPONSE_TIME], [PING], [INFO]',
      },
    ]);
    expect(conditions.map((condition) => condition.text)).toEqual(['[CONNECTED]']);
  });

  it('reports $ as [BODY] where there is no body', () => {
    expect(checkConditions(['$.ok == true'], probeKinds.tcp.placeholders).issues[0]?.message).toMatch(
      /^unknown placeholder \[BODY\] for this kind/,
    );
  });

  it('reports each unknown placeholder of a condition', () => {
    expect(checkConditions(['[A] == [B]'], ['A']).issues).toEqual([
      { path: '/conditions/0', message: 'unknown placeholder [B] for this kind; known: [A]' },
    ]);
  });

  it("reports syntax errors with their column at the condition's path", () => {
    const { issues } = checkConditions(
      ['[STATUS] == 200', '[STATUS] => 200', '[BODY] =~ "("'],
      probeKinds.http.placeholders,
    );
    expect(issues).toHaveLength(2);
    expect(issues[0]).toEqual({ path: '/conditions/1', message: "unknown operator '=>' at column 10" });
    expect(issues[1]?.path).toBe('/conditions/2');
    expect(issues[1]?.message).toMatch(/^invalid regular expression .* at column 11$/);
  });

  it('reports more than 50 conditions at /conditions', () => {
    const { issues } = checkConditions(
      Array.from({ length: 51 }, () => '[CONNECTED]'),
      probeKinds.tcp.placeholders,
    );
    expect(issues).toEqual([{ path: '/conditions', message: 'a probe has at most 50 conditions (this one has 51)' }]);
    expect(
      checkConditions(
        Array.from({ length: 50 }, () => '[CONNECTED]'),
        probeKinds.tcp.placeholders,
      ).issues,
    ).toEqual([]);
  });

  it('reports a condition that is not a string instead of throwing', () => {
    const texts = [42] as unknown as string[];
    expect(checkConditions(texts, probeKinds.tcp.placeholders).issues).toEqual([
      { path: '/conditions/0', message: 'a condition is a string' },
    ]);
  });

  it('accepts no conditions', () => {
    expect(checkConditions([], probeKinds.http.placeholders)).toEqual({ conditions: [], issues: [] });
  });
});
