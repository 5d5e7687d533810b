import { describe, expect, it } from 'vitest';
import type { ParameterRule } from '../../src/execution/parameters/parameter-rules.js';
import { validateParameterValues } from '../../src/execution/parameters/validate-parameter-values.js';
import { draftOf, ruleOf, tryValue } from '../../web/src/runbooks/execution-settings-model.js';

/** Rules and values where a careless check would part from the server's: anchoring, alternation, the list first. */
const cases: [ParameterRule, string[]][] = [
  [{ pattern: '[0-9]+' }, ['42', '42; rm -rf /', 'x42', '']],
  [{ pattern: 'staging|production' }, ['staging', 'production', 'stagingX', 'Xproduction']],
  [{ allowed: ['eu', 'us'] }, ['eu', 'us', 'EU', 'asia']],
  [{ pattern: '[a-z]+', allowed: ['eu', 'US'] }, ['eu', 'US', 'asia']],
  [{ pattern: '[\\w-]+' }, ['a-b_c', 'a b']],
];

describe("the settings page's value check", () => {
  it("accepts exactly the values the server accepts before running a step, for every rule's shape", () => {
    for (const [rule, values] of cases) {
      for (const value of values.filter((v) => v !== '')) {
        const server = validateParameterValues([{ name: 'p', required: true, secret: false, ...rule }], { p: value });
        expect({ rule, value, accepted: tryValue(rule, value) === 'accepted' }).toEqual({
          rule,
          value,
          accepted: server.length === 0,
        });
      }
    }
  });

  it('says why a value is refused, and that a pattern which does not compile cannot accept anything', () => {
    expect(tryValue({ allowed: ['eu'] }, 'us')).toBe('not-allowed');
    expect(tryValue({ pattern: '[0-9]+' }, 'x')).toBe('no-match');
    expect(tryValue({ pattern: '([0-9]' }, '1')).toBe('bad-pattern');
    expect(tryValue({}, '')).toBe('empty');
  });

  it('reads a rule back from the form as it came, and drops the fields its kind leaves out', () => {
    const both: ParameterRule = { pattern: '[a-z]+', allowed: ['eu', 'us'] };
    expect(ruleOf(draftOf(both))).toEqual(both);
    expect(draftOf(undefined).kind).toBe('any');
    expect(ruleOf({ ...draftOf(both), kind: 'pattern' })).toEqual({ pattern: '[a-z]+' });
    expect(ruleOf({ ...draftOf(both), kind: 'any' })).toBeUndefined();
    expect(ruleOf({ kind: 'allowed', pattern: '', allowed: ' eu \n\n us ' })).toEqual({ allowed: ['eu', 'us'] });
  });
});
