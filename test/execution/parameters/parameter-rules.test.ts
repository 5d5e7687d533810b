import { describe, expect, it } from 'vitest';
import {
  checkParameterRules,
  mergeParameterRules,
  readAttributeRules,
} from '../../../src/execution/parameters/parameter-rules.js';

describe('parameter rules', () => {
  it('reads patterns and allowed values from fence attributes and ignores other attributes', () => {
    expect(
      readAttributeRules({
        name: 'restart',
        'allowed.env': 'staging, production,',
        'pattern.id': '\\d+',
        'pattern.bad-name': 'x',
      }),
    ).toEqual({
      env: { allowed: ['staging', 'production'] },
      id: { pattern: '\\d+' },
    });
  });

  it('lets the runbook settings override the step, rule part by rule part', () => {
    expect(
      mergeParameterRules(
        { id: { pattern: '\\d+', allowed: ['1'] }, env: { allowed: ['a'] } },
        { id: { pattern: '[0-9]{3}' } },
      ),
    ).toEqual({
      id: { pattern: '[0-9]{3}', allowed: ['1'] },
      env: { allowed: ['a'] },
    });
  });

  it('names each pattern that does not compile', () => {
    expect(checkParameterRules({ ok: { pattern: 'a|b' }, broken: { pattern: '(' } })).toEqual([
      { path: '/parameters/broken/pattern', message: expect.stringContaining('is not a regular expression') },
    ]);
  });
});
