import { describe, expect, it } from 'vitest';
import { parameterEnvironment, parameterEnvName } from '../../../src/execution/parameters/parameter-environment.js';
import {
  validateParameterValues,
  type ParameterSpec,
} from '../../../src/execution/parameters/validate-parameter-values.js';

const specs: ParameterSpec[] = [
  { name: 'task_id', required: true, pattern: '[0-9a-f]{8}', secret: false },
  { name: 'env', required: true, allowed: ['staging', 'production'], secret: false },
  { name: 'API_TOKEN', required: true, pattern: 'tk_[A-Za-z0-9]+', secret: true },
  { name: 'note', required: false, secret: false },
];
const valid = { task_id: '0a1b2c3d', env: 'staging', API_TOKEN: 'tk_s3cr3t' };

describe('validateParameterValues', () => {
  it('accepts values that satisfy every parameter, optional ones omitted', () => {
    expect(validateParameterValues(specs, valid)).toEqual([]);
    expect(validateParameterValues(specs, { ...valid, note: '' })).toEqual([]);
  });

  it('reports each missing, empty or non-string required value on its own field', () => {
    expect(validateParameterValues(specs, { task_id: '', env: 3 })).toEqual([
      { path: '/parameters/task_id', message: 'is required' },
      { path: '/parameters/env', message: 'must be a string' },
      { path: '/parameters/API_TOKEN', message: 'is required' },
    ]);
  });

  it('anchors patterns to the whole value', () => {
    expect(validateParameterValues(specs, { ...valid, task_id: '0a1b2c3d; rm -rf /' })).toEqual([
      { path: '/parameters/task_id', message: 'must match [0-9a-f]{8}' },
    ]);
  });

  it('checks allowed values and lists them', () => {
    expect(validateParameterValues(specs, { ...valid, env: 'prod' })).toEqual([
      { path: '/parameters/env', message: 'must be one of: staging, production' },
    ]);
  });

  it('never repeats a secret value or its pattern in a message', () => {
    const issues = validateParameterValues(specs, { ...valid, API_TOKEN: 'leaked-value' });
    expect(issues).toEqual([{ path: '/parameters/API_TOKEN', message: 'does not have the expected format' }]);
    expect(JSON.stringify(issues)).not.toContain('leaked-value');
  });

  it('rejects unknown names, NUL characters and values too big for the environment', () => {
    expect(validateParameterValues(specs, { ...valid, other: 'x', note: 'a\u0000b' })).toEqual([
      { path: '/parameters/other', message: 'is not a parameter of this step' },
      { path: '/parameters/note', message: 'must not contain a NUL character' },
    ]);
    expect(validateParameterValues(specs, { ...valid, note: 'é'.repeat(40_000) })).toEqual([
      { path: '/parameters/note', message: 'must not be longer than 65536 bytes' },
    ]);
  });

  it('reports an invalid pattern of the runbook instead of throwing', () => {
    expect(
      validateParameterValues([{ name: 'x', required: true, pattern: '([a-z', secret: false }], { x: 'a' }),
    ).toEqual([{ path: '/parameters/x', message: 'cannot be checked: the runbook gives an invalid pattern' }]);
  });
});

describe('parameterEnvironment', () => {
  it('maps each value to an ASTREINTE_P_ variable and leaves missing ones unset', () => {
    expect(parameterEnvironment({ task_id: 'x; rm', TOKEN: '', note: undefined })).toEqual({
      ASTREINTE_P_task_id: 'x; rm',
      ASTREINTE_P_TOKEN: '',
    });
  });

  it('refuses names that are not shell identifiers and values a variable cannot carry', () => {
    expect(parameterEnvName('service_name')).toBe('ASTREINTE_P_service_name');
    expect(() => parameterEnvironment({ 'a-b': 'x' })).toThrow(/not a shell identifier/);
    expect(() => parameterEnvironment({ a: 'x\u0000y' })).toThrow(/NUL/);
  });
});
