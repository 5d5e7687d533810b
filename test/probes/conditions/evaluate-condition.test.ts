import { describe, expect, it } from 'vitest';
import { evaluateCondition, parseCondition } from '../../../src/probes/conditions/index.js';

/** Evaluates a condition text against observed values. */
function check(text: string, values: Record<string, unknown> = {}): { passed: boolean; detail: string } {
  return evaluateCondition(parseCondition(text), values);
}

function passes(text: string, values: Record<string, unknown> = {}): boolean {
  return check(text, values).passed;
}

describe('equality', () => {
  it('compares numbers, and shows the resolved value in the detail', () => {
    expect(check('[STATUS] == 200', { STATUS: 200 })).toEqual({ passed: true, detail: '[STATUS] (200) == 200' });
    expect(check('[STATUS] == 200', { STATUS: 503 })).toEqual({ passed: false, detail: '[STATUS] (503) == 200' });
    expect(check('[STATUS] != 503', { STATUS: 503 })).toEqual({ passed: false, detail: '[STATUS] (503) != 503' });
    expect(passes('[STATUS] != 503', { STATUS: 200 })).toBe(true);
  });

  it('compares a number with a numeric string as numbers', () => {
    expect(passes('[STATUS] == "200"', { STATUS: 200 })).toBe(true);
    expect(passes('[ROW].count == 3', { ROW: { count: '3' } })).toBe(true);
    expect(passes('$.version == 1.0', { BODY: '{"version":"1"}' })).toBe(true);
    expect(passes('[A] == 0.5', { A: ' 5e-1 ' })).toBe(true);
  });

  it('compares two strings as strings, even numeric ones', () => {
    expect(passes('[A] == "1.0"', { A: '1' })).toBe(false);
    expect(passes('[A] == "1.0"', { A: '1.0' })).toBe(true);
    expect(passes('[PING] == PONG', { PING: 'PONG' })).toBe(true);
    expect(passes('[PING] == pong', { PING: 'PONG' })).toBe(false);
    expect(passes('[DNS_RCODE] == NOERROR', { DNS_RCODE: 'NOERROR' })).toBe(true);
  });

  it('compares a number with a non-numeric string as text', () => {
    expect(passes('[A] == abc', { A: 1 })).toBe(false);
    expect(passes('[A] != abc', { A: 1 })).toBe(true);
  });

  it('compares booleans with true and false, and with their text', () => {
    expect(passes('[CONNECTED] == true', { CONNECTED: true })).toBe(true);
    expect(passes('[CONNECTED] == false', { CONNECTED: true })).toBe(false);
    expect(passes('[CONNECTED] != false', { CONNECTED: true })).toBe(true);
    expect(passes('[CERTIFICATE_VALID] == "true"', { CERTIFICATE_VALID: true })).toBe(true);
    expect(passes('[A] == true', { A: 'true' })).toBe(true);
    expect(passes('[A] == true', { A: 1 })).toBe(false);
  });

  it('treats absent values as equal only to null', () => {
    expect(check('[BODY].database == connected', { BODY: '{}' })).toEqual({
      passed: false,
      detail: '[BODY].database (absent) == connected',
    });
    expect(passes('[BODY].database == null', { BODY: '{}' })).toBe(true);
    expect(passes('[BODY].database == null', { BODY: '{"database":null}' })).toBe(true);
    expect(passes('[BODY].database != null', { BODY: '{"database":"x"}' })).toBe(true);
    expect(passes('[STATUS] != 503', {})).toBe(true);
    expect(passes('[A] == ""', {})).toBe(false);
    expect(passes('[A] == null', { A: '' })).toBe(false);
    expect(passes('[A] == 0', { A: null })).toBe(false);
  });

  it('compares structures by their JSON', () => {
    expect(passes('$.tags == "[\\"a\\"]"', { BODY: '{"tags":["a"]}' })).toBe(true);
  });
});

describe('ordering', () => {
  it('compares numbers with <, <=, > and >=', () => {
    expect(check('[RESPONSE_TIME] < 300', { RESPONSE_TIME: 120 })).toEqual({
      passed: true,
      detail: '[RESPONSE_TIME] (120) < 300',
    });
    expect(passes('[RESPONSE_TIME] < 300', { RESPONSE_TIME: 300 })).toBe(false);
    expect(passes('[RESPONSE_TIME] <= 300', { RESPONSE_TIME: 300 })).toBe(true);
    expect(passes('[VALUE] > 0.05', { VALUE: 0.05 })).toBe(false);
    expect(passes('[VALUE] >= 0.05', { VALUE: 0.05 })).toBe(true);
    expect(passes('[VALUE] > -1', { VALUE: 0 })).toBe(true);
  });

  it('converts numeric strings', () => {
    expect(passes('[ROW].count <= 10', { ROW: { count: '12' } })).toBe(false);
    expect(passes('[ROW].count <= 10', { ROW: { count: '9' } })).toBe(true);
    expect(passes('[A] < "10"', { A: 9 })).toBe(true);
  });

  it('fails, without throwing, on an absent or non-numeric side and says why', () => {
    expect(check('[BODY].count < 10', { BODY: '{}' })).toEqual({
      passed: false,
      detail: '[BODY].count (absent) < 10: the left side is absent',
    });
    expect(check('[BODY].count > 10', { BODY: '{"count":"many"}' })).toEqual({
      passed: false,
      detail: '[BODY].count ("many") > 10: the left side is not a number',
    });
    expect(check('[A] >= [B]', { A: 1, B: null })).toEqual({
      passed: false,
      detail: '[A] (1) >= [B] (null): the right side is null',
    });
    expect(check('[A] > abc', { A: 1 }).detail).toBe('[A] (1) > abc: the right side is not a number');
    expect(passes('[A] < 1', { A: true })).toBe(false);
  });

  it('reads thresholds with units in the base unit of the placeholder', () => {
    expect(check('[CERTIFICATE_EXPIRATION] > 48h', { CERTIFICATE_EXPIRATION: 3_600_000 })).toEqual({
      passed: false,
      detail: '[CERTIFICATE_EXPIRATION] (3600000) > 48h (172800000)',
    });
    expect(passes('[CERTIFICATE_EXPIRATION] > 48h', { CERTIFICATE_EXPIRATION: 30 * 86_400_000 })).toBe(true);
    expect(passes('[RESPONSE_TIME] <= 1.5s', { RESPONSE_TIME: 1500 })).toBe(true);
    expect(passes('[RESPONSE_TIME] < 300ms', { RESPONSE_TIME: 301 })).toBe(false);
    expect(passes('[INFO].used_memory < 1GiB', { INFO: { used_memory: String(1024 ** 3 - 1) } })).toBe(true);
    expect(passes('[INFO].used_memory < 1GB', { INFO: { used_memory: String(1024 ** 3 - 1) } })).toBe(false);
  });
});

describe('contains', () => {
  it('finds a substring in a string', () => {
    expect(check('[BODY] contains "ok"', { BODY: 'status: ok' })).toEqual({
      passed: true,
      detail: '[BODY] ("status: ok") contains "ok"',
    });
    expect(passes('[BODY] contains "OK"', { BODY: 'status: ok' })).toBe(false);
    expect(passes('[BODY] !contains "error"', { BODY: 'status: ok' })).toBe(true);
    expect(passes('[BODY] !contains "error"', { BODY: 'an error' })).toBe(false);
  });

  it('finds an element in an array, equal as == says', () => {
    expect(passes('[DNS_ANSWERS] contains 10.0.0.1', { DNS_ANSWERS: ['10.0.0.2', '10.0.0.1'] })).toBe(true);
    expect(passes('[DNS_ANSWERS] contains 10.0.0.1', { DNS_ANSWERS: ['10.0.0.10'] })).toBe(false);
    expect(passes('$.codes contains 200', { BODY: '{"codes":["200", 201]}' })).toBe(true);
    expect(passes('$.codes !contains 404', { BODY: '{"codes":[200]}' })).toBe(true);
  });

  it('finds a key in an object', () => {
    expect(passes('[INFO] contains maxmemory', { INFO: { maxmemory: '0' } })).toBe(true);
    expect(passes('[CONNECTION_STATES] !contains "idle in transaction"', { CONNECTION_STATES: { active: 3 } })).toBe(
      true,
    );
    expect(passes('[INFO] contains constructor', { INFO: {} })).toBe(false);
  });

  it('looks for a number as it is written', () => {
    expect(passes('[BODY] contains 1.50', { BODY: 'price 1.50' })).toBe(true);
    expect(passes('[BODY] contains 1.50', { BODY: 'price 1.5' })).toBe(false);
    expect(passes('[STATUS] contains 50', { STATUS: 503 })).toBe(true);
  });

  it('finds nothing in an absent value', () => {
    expect(passes('[BODY] contains ok', {})).toBe(false);
    expect(passes('[BODY] !contains error', {})).toBe(true);
    expect(passes('[BODY] contains [MISSING]', { BODY: 'text' })).toBe(false);
  });
});

describe('patterns', () => {
  it('match anywhere unless anchored', () => {
    expect(check('[BODY] =~ "^UP"', { BODY: 'UP since 3 days' })).toEqual({
      passed: true,
      detail: '[BODY] ("UP since 3 days") =~ "^UP"',
    });
    expect(passes('[BODY] =~ "^UP"', { BODY: 'NOT UP' })).toBe(false);
    expect(passes('[BODY] =~ UP', { BODY: 'NOT UP' })).toBe(true);
    expect(passes('[BODY] !~ "^DOWN"', { BODY: 'UP' })).toBe(true);
    expect(passes('[BODY] !~ "DOWN"', { BODY: 'IS DOWN' })).toBe(false);
  });

  it('keep backslashes for classes and match numbers by their text', () => {
    expect(passes(String.raw`[STATUS] =~ "^2\d\d$"`, { STATUS: 204 })).toBe(true);
    expect(passes(String.raw`[STATUS] =~ "^2\d\d$"`, { STATUS: 404 })).toBe(false);
  });

  it('use unicode mode', () => {
    expect(passes('[BODY] =~ "^.$"', { BODY: '😀' })).toBe(true);
  });

  it('match nothing in an absent value', () => {
    expect(passes('[BODY] =~ ".*"', {})).toBe(false);
    expect(passes('[BODY] !~ "error"', {})).toBe(true);
  });
});

describe('paths', () => {
  it('read into a JSON body given as text', () => {
    const body = JSON.stringify({ database: 'connected', items: [{ name: 'a' }, { name: 'b' }], 'a.b': 1 });
    expect(check('[BODY].database == connected', { BODY: body })).toEqual({
      passed: true,
      detail: '[BODY].database ("connected") == connected',
    });
    expect(passes('$.database == "connected"', { BODY: body })).toBe(true);
    expect(passes('$.items[1].name == b', { BODY: body })).toBe(true);
    expect(passes('$.items[2].name == null', { BODY: body })).toBe(true);
    expect(passes('$["a.b"] == 1', { BODY: body })).toBe(true);
  });

  it('read into structured values, and into JSON strings met on the way', () => {
    expect(passes('[INFO].used_memory == 100', { INFO: { used_memory: '100' } })).toBe(true);
    expect(passes('[ROWS][1].count == 2', { ROWS: [{ count: 1 }, { count: 2 }] })).toBe(true);
    expect(passes('[ROW].payload.ok == true', { ROW: { payload: '{"ok":true}' } })).toBe(true);
    expect(passes('[LABELS].job == postgres', { LABELS: { job: 'postgres' } })).toBe(true);
  });

  it('say when a body read with a path is not JSON', () => {
    expect(check('[BODY].database == connected', { BODY: '<html>' }).detail).toBe(
      '[BODY].database (absent: [BODY] is not JSON) == connected',
    );
  });

  it('do not reach JavaScript internals', () => {
    expect(passes('$.constructor == null', { BODY: '{}' })).toBe(true);
    expect(passes('$.items.length == null', { BODY: '{"items":[1]}' })).toBe(true);
    expect(passes('[INFO].__proto__ == null', { INFO: {} })).toBe(true);
  });

  it('read the whole body with $ and without a path', () => {
    expect(passes('$ contains "connected"', { BODY: '{"database":"connected"}' })).toBe(true);
  });
});

describe('arithmetic and len', () => {
  it('computes ratios and shows the computed value', () => {
    const info = { INFO: { used_memory: '910', maxmemory: '1000' } };
    expect(check('[INFO].used_memory / [INFO].maxmemory < 0.85', info)).toEqual({
      passed: false,
      detail: '[INFO].used_memory / [INFO].maxmemory (0.91) < 0.85',
    });
    expect(check('[INFO].used_memory / [INFO].maxmemory < 92%', info)).toEqual({
      passed: true,
      detail: '[INFO].used_memory / [INFO].maxmemory (0.91) < 92% (0.92)',
    });
    expect(passes('[CONNECTIONS] / [MAX_CONNECTIONS] < 0.8', { CONNECTIONS: 50, MAX_CONNECTIONS: 100 })).toBe(true);
  });

  it('applies precedence, left associativity and parentheses', () => {
    expect(passes('1 + 2 * 3 == 7')).toBe(true);
    expect(passes('(1 + 2) * 3 == 9')).toBe(true);
    expect(passes('10 - 2 - 3 == 5')).toBe(true);
    expect(passes('8 / 2 / 2 == 2')).toBe(true);
    expect(passes('[A] - [B] * 2 == 4', { A: 10, B: 3 })).toBe(true);
    expect(passes('([A] - [B]) * 2 == 14', { A: 10, B: 3 })).toBe(true);
    expect(check('([A] + 1) * 2 > 5', { A: 2 }).detail).toBe('([A] + 1) * 2 (6) > 5');
  });

  it('fails on division by zero, an absent or a non-numeric operand, and says why', () => {
    expect(check('[CONNECTIONS] / [MAX_CONNECTIONS] < 0.8', { CONNECTIONS: 5, MAX_CONNECTIONS: 0 })).toEqual({
      passed: false,
      detail: '[CONNECTIONS] / [MAX_CONNECTIONS] (not computed) < 0.8: division by zero ([MAX_CONNECTIONS] is 0)',
    });
    expect(check('[INFO].used_memory / [INFO].maxmemory < 0.85', { INFO: { used_memory: '1' } }).detail).toBe(
      '[INFO].used_memory / [INFO].maxmemory (not computed) < 0.85: [INFO].maxmemory is absent',
    );
    expect(check('[A] + 1 > 0', { A: 'x' }).detail).toBe('[A] + 1 (not computed) > 0: [A] is not a number ("x")');
    expect(check('[A] + 1 != 0', { A: 'x' }).passed).toBe(false);
  });

  it('counts with len the characters of a string, the elements of an array and the keys of an object', () => {
    expect(check('len([BODY].items) > 0', { BODY: '{"items":[1,2]}' })).toEqual({
      passed: true,
      detail: 'len([BODY].items) (2) > 0',
    });
    expect(passes('len($.items) == 0', { BODY: '{"items":[]}' })).toBe(true);
    expect(passes('len([BODY]) == 3', { BODY: 'été' })).toBe(true);
    expect(passes('len("😀") == 1')).toBe(true);
    expect(passes('len([LABELS]) == 2', { LABELS: { job: 'a', instance: 'b' } })).toBe(true);
    expect(passes('len([ROWS]) * 2 >= 4', { ROWS: [{}, {}] })).toBe(true);
  });

  it('fails len of an absent value or a number', () => {
    expect(check('len($.items) > 0', { BODY: '{}' }).detail).toBe(
      'len($.items) (not computed) > 0: len() of $.items: it is absent',
    );
    expect(check('len([STATUS]) > 0', { STATUS: 200 }).passed).toBe(false);
  });
});

describe('a lone operand', () => {
  it('passes only when it is true', () => {
    expect(check('[CONNECTED]', { CONNECTED: true })).toEqual({ passed: true, detail: '[CONNECTED] (true)' });
    expect(check('[CONNECTED]', { CONNECTED: false })).toEqual({ passed: false, detail: '[CONNECTED] (false)' });
    expect(passes('[CERTIFICATE_VALID]', { CERTIFICATE_VALID: 'true' })).toBe(false);
    expect(passes('[STATUS]', { STATUS: 1 })).toBe(false);
    expect(check('[CONNECTED]', {}).detail).toBe(
      '[CONNECTED] (absent): a condition without an operator holds only when its value is true',
    );
    expect(passes('true')).toBe(true);
  });
});

describe('evaluation', () => {
  it('never throws, even on values that cannot be read', () => {
    const values: Record<string, unknown> = {};
    Object.defineProperty(values, 'A', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(check('[A] == 1', values)).toEqual({ passed: false, detail: '[A] == 1: evaluation failed: boom' });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(check('[A] == 1', { A: cycle }).passed).toBe(false);
    expect(check('[A] > 1', { A: 10n }).passed).toBe(true);
  });

  it('cuts long values in details', () => {
    const detail = check('[BODY] contains "nope"', { BODY: 'x'.repeat(500) }).detail;
    expect(detail.length).toBeLessThan(150);
    expect(detail).toContain('…');
  });

  it('reuses a parsed condition across evaluations', () => {
    const condition = parseCondition('[BODY] =~ "UP"');
    expect(evaluateCondition(condition, { BODY: 'UP' }).passed).toBe(true);
    expect(evaluateCondition(condition, { BODY: 'UP' }).passed).toBe(true);
    expect(evaluateCondition(condition, { BODY: 'DOWN' }).passed).toBe(false);
  });
});
