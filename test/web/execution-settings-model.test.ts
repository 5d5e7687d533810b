import { describe, expect, it } from 'vitest';
import {
  mergeParameterRules,
  readAttributeRules,
  type ParameterRule,
} from '../../src/execution/parameters/parameter-rules.js';
import { validateParameterValues } from '../../src/execution/parameters/validate-parameter-values.js';
import {
  draftOf,
  ruleOf,
  runbookParameters,
  tryParameter,
  tryValue,
} from '../../web/src/runbooks/execution-settings-model.js';
import type { RunbookDetail } from '../../web/src/runbooks/runbook-types.js';

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

  it("checks a value against each step's own rule under the settings' rule, as the server merges them", () => {
    const attributes = { 'allowed.env': 'staging, production', 'pattern.task_id': '[a-z]+' };
    const parameter = (name: string) => ({ name, form: 'angle', secret: false, token: `<${name}>`, description: null });
    const step = { id: 's1', attributes, parameters: [parameter('task_id'), parameter('env')] };
    const detail = { structure: { sections: [{ steps: [step] }] } } as unknown as RunbookDetail;
    const settings: Record<string, ParameterRule> = { task_id: { pattern: '[0-9]+' }, gone: { allowed: ['x'] } };
    const [taskId, env, gone] = runbookParameters(detail, settings);
    expect([taskId?.name, env?.name, gone?.name, gone?.steps]).toEqual(['task_id', 'env', 'gone', []]);
    expect(env?.stepRules).toEqual([{ step: 's1', rule: { allowed: ['staging', 'production'] } }]);
    const server = mergeParameterRules(readAttributeRules(attributes), settings);
    for (const [name, value] of [
      ['task_id', '42'],
      ['task_id', 'abc'],
      ['env', 'staging'],
      ['env', 'dev'],
    ] as const) {
      const spec = { name, required: true, secret: false, ...server[name] };
      const found = [taskId, env].find((candidate) => candidate?.name === name)!;
      expect({ name, value, accepted: tryParameter(found, settings[name] ?? {}, value) === 'accepted' }).toEqual({
        name,
        value,
        accepted: validateParameterValues([spec], { [name]: value }).length === 0,
      });
    }
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
