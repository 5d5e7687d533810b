import { describe, expect, it } from 'vitest';
import { ConditionSyntaxError, parseCondition } from '../../../src/probes/conditions/index.js';

/** The error a text throws, which must be a ConditionSyntaxError. */
function syntaxError(text: string): ConditionSyntaxError {
  try {
    parseCondition(text);
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return error;
    throw error;
  }
  throw new Error(`${text} parsed`);
}

describe('parsing conditions', () => {
  it('parses every example condition of the documentation', () => {
    const examples = [
      '[STATUS] == 200',
      '[RESPONSE_TIME] < 300',
      '[BODY].database == connected',
      '$.database == "connected"',
      '[CERTIFICATE_EXPIRATION] > 48h',
      '[INFO].used_memory / [INFO].maxmemory < 0.85',
      '[INFO].used_memory / [INFO].maxmemory < 85%',
      '[CONNECTED] == true',
      '[CONNECTED]',
      '[DNS_ANSWERS] contains 10.0.0.1',
      '[BODY] contains "ok"',
      '[BODY] !contains "error"',
      '[BODY] =~ "^UP"',
      '[PING] == PONG',
      'len([BODY].items) > 0',
      '[ROW].count <= 10',
      '[CONNECTIONS] / [MAX_CONNECTIONS] < 0.8',
      '[VALUE] > 0.05',
      '[LABELS].job == postgres',
      '[STATUS] != 503',
      '[RESPONSE_TIME] <= 1.5s',
    ];
    for (const text of examples) expect(() => parseCondition(text), text).not.toThrow();
  });

  it('keeps the text and splits a condition into its left side, operator and right side', () => {
    const condition = parseCondition('[STATUS] == 200');
    expect(condition.text).toBe('[STATUS] == 200');
    expect(condition.left).toMatchObject({ kind: 'placeholder', name: 'STATUS', path: [] });
    expect(condition.comparison).toMatchObject({ operator: '==', right: { kind: 'literal', value: 200 } });
  });

  it('parses a lone operand as a condition without comparison', () => {
    expect(parseCondition('[CONNECTED]').comparison).toBeNull();
  });

  it('reads every comparison operator', () => {
    for (const operator of ['==', '!=', '<', '<=', '>', '>=', 'contains', '!contains', '=~', '!~']) {
      expect(parseCondition(`[BODY] ${operator} 1`).comparison?.operator, operator).toBe(operator);
    }
  });

  it('needs no spaces around symbolic operators', () => {
    expect(parseCondition('[STATUS]==200').comparison).toMatchObject({ operator: '==', right: { value: 200 } });
    expect(parseCondition('[A]<=[B]').comparison?.operator).toBe('<=');
  });

  it('reads paths of members, indexes and quoted names', () => {
    expect(parseCondition('[BODY].items[0].name').left).toMatchObject({ name: 'BODY', path: ['items', 0, 'name'] });
    expect(parseCondition('[ROWS][2].count').left).toMatchObject({ name: 'ROWS', path: [2, 'count'] });
    expect(parseCondition('[LABELS]["a.b"] == x').left).toMatchObject({ name: 'LABELS', path: ['a.b'] });
    expect(parseCondition('[HEADERS].content-type contains json').left).toMatchObject({ path: ['content-type'] });
  });

  it('reads $ as the body', () => {
    expect(parseCondition('$.a.b == 1').left).toMatchObject({ kind: 'placeholder', name: 'BODY', path: ['a', 'b'] });
    expect(parseCondition('$[0] == 1').left).toMatchObject({ name: 'BODY', path: [0] });
    expect(parseCondition('$ contains ok').left).toMatchObject({ name: 'BODY', path: [] });
  });

  it('reads bare words as strings unless they are numbers with an optional unit', () => {
    expect(parseCondition('[A] == 10.0.0.1').comparison?.right).toMatchObject({ value: '10.0.0.1' });
    expect(parseCondition('[A] == PONG').comparison?.right).toMatchObject({ value: 'PONG' });
    expect(parseCondition('[A] == application/json').comparison?.right).toMatchObject({ value: 'application/json' });
    expect(parseCondition('[A] == 48h').comparison?.right).toMatchObject({ value: 172_800_000 });
    expect(parseCondition('[A] > -5').comparison?.right).toMatchObject({ value: -5 });
  });

  it('reads true, false and null as literals, and quoted ones as strings', () => {
    expect(parseCondition('[A] == true').comparison?.right).toMatchObject({ value: true });
    expect(parseCondition('[A] == false').comparison?.right).toMatchObject({ value: false });
    expect(parseCondition('[A] == null').comparison?.right).toMatchObject({ value: null });
    expect(parseCondition('[A] == "true"').comparison?.right).toMatchObject({ value: 'true' });
    expect(parseCondition('[A] == "200"').comparison?.right).toMatchObject({ value: '200' });
  });

  it('reads escapes in quoted strings and keeps other backslashes', () => {
    expect(parseCondition(String.raw`[A] == "say \"hi\" \\ there"`).comparison?.right).toMatchObject({
      value: 'say "hi" \\ there',
    });
    expect(parseCondition(String.raw`[A] =~ "^\d+$"`).comparison?.right).toMatchObject({ value: String.raw`^\d+$` });
  });

  it('gives multiplication precedence over addition and reads operators left to right', () => {
    expect(parseCondition('1 + 2 * 3').left).toMatchObject({
      kind: 'arithmetic',
      operator: '+',
      right: { operator: '*' },
    });
    expect(parseCondition('8 / 2 / 2').left).toMatchObject({
      operator: '/',
      left: { operator: '/' },
      right: { value: 2 },
    });
    expect(parseCondition('(1 + 2) * 3').left).toMatchObject({
      operator: '*',
      left: { operator: '+', start: 0, end: 7 },
    });
  });

  it('tells subtraction from a negative number or a word by where the minus stands', () => {
    expect(parseCondition('[A] - 1 > 0').left).toMatchObject({ kind: 'arithmetic', operator: '-' });
    expect(parseCondition('[A]-1 > 0').left).toMatchObject({ kind: 'arithmetic', operator: '-' });
    expect(parseCondition('[A] > -1').comparison?.right).toMatchObject({ kind: 'literal', value: -1 });
  });

  it('compiles patterns when parsing', () => {
    const condition = parseCondition('[BODY] =~ "^UP"');
    expect(condition.comparison).toMatchObject({ operator: '=~' });
    expect(condition.comparison && 'pattern' in condition.comparison ? condition.comparison.pattern.flags : '').toBe(
      'u',
    );
  });
});

describe('condition syntax errors', () => {
  it('name an unknown operator and its column', () => {
    expect(syntaxError('[STATUS] => 200').message).toBe("unknown operator '=>' at column 10");
    expect(syntaxError('[STATUS] => 200').column).toBe(10);
    expect(syntaxError('[STATUS] = 200').message).toBe("unknown operator '=' at column 10");
    expect(syntaxError('[STATUS] === 200').message).toBe("unknown operator '===' at column 10");
    expect(syntaxError('[BODY] includes x').message).toBe("unknown operator 'includes' at column 8");
    expect(syntaxError('[BODY] !includes x').message).toBe("unknown operator '!includes' at column 8");
  });

  it('point at a missing closing bracket', () => {
    expect(syntaxError('[STATUS == 200')).toMatchObject({ message: "missing closing ']' at column 8", column: 8 });
    expect(syntaxError('[ROWS][0.count == 1').column).toBe(9);
  });

  it('point at a missing closing parenthesis or quote', () => {
    expect(syntaxError('([A] + 1 > 2').message).toBe("missing closing ')' (opened at column 1) at column 10");
    expect(syntaxError('len([A] > 2').message).toBe("missing closing ')' (opened at column 4) at column 9");
    expect(syntaxError('[A] == "abc').message).toBe(`missing closing '"' (string opened at column 8) at column 12`);
  });

  it('refuse stray closing parentheses and brackets', () => {
    expect(syntaxError('[A] == 1)').message).toBe("unexpected ')' without a matching '(' at column 9");
    expect(syntaxError(') == 1').column).toBe(1);
    expect(syntaxError('[A] == ]').message).toBe("unexpected ']' at column 8");
  });

  it('refuse a missing value', () => {
    expect(syntaxError('[A] ==').message).toBe("expected a value after '==' at column 7");
    expect(syntaxError('[A] +').column).toBe(6);
    expect(syntaxError('== 1').message).toBe("expected a value, found '==' at column 1");
  });

  it('refuse two values without an operator, and a second comparison', () => {
    expect(syntaxError('[A] 200').message).toBe("expected an operator, found '200' at column 5");
    expect(syntaxError('[A] [B]').message).toBe("expected an operator, found '[' at column 5");
    expect(syntaxError('[A] == 1 == 2').message).toBe("a condition has one comparison: unexpected '==' at column 10");
  });

  it('refuse bad placeholders and paths', () => {
    expect(syntaxError('[status] == 1').message).toBe('placeholder names are upper-case: write [STATUS] at column 2');
    expect(syntaxError('[] == 1').column).toBe(2);
    expect(syntaxError('[ST4TUS] == 1').message).toBe(
      "invalid character '4' in placeholder name (upper-case letters and '_') at column 4",
    );
    expect(syntaxError('[A]. == 1').column).toBe(5);
    expect(syntaxError('[A][x] == 1').column).toBe(5);
    expect(syntaxError('[A]x == 1').column).toBe(4);
    expect(syntaxError('$abc == 1').column).toBe(2);
  });

  it('refuse unknown functions', () => {
    expect(syntaxError('size([A]) > 0').message).toBe("unknown function 'size()' (only len() exists) at column 1");
  });

  it('refuse a bad regular expression when parsing', () => {
    const error = syntaxError('[BODY] =~ "("');
    expect(error.column).toBe(11);
    expect(error.message).toMatch(/^invalid regular expression "\(": .+ at column 11$/);
    expect(syntaxError('[BODY] !~ "a{2,1}"').column).toBe(11);
  });

  it('refuse a pattern with nested quantifiers, which could stall the node on a long body', () => {
    const error = syntaxError('[BODY] =~ "(a+)+$"');
    expect(error.column).toBe(11);
    expect(error.message).toMatch(/exponential time/);
  });

  it('refuse a placeholder or an expression as a pattern', () => {
    expect(syntaxError('[BODY] =~ [PATTERN]').message).toMatch(/must be a pattern .* at column 11$/);
  });

  it('refuse a number with an unknown unit where a number is needed', () => {
    expect(syntaxError('[CERTIFICATE_EXPIRATION] > 48hr').message).toMatch(
      /^unknown unit 'hr' in '48hr' \(units: ms, s, m, h, d, .*\) at column 28$/,
    );
    expect(syntaxError('[A] * 2x > 1').column).toBe(7);
    expect(() => parseCondition('[A] == 48hr')).not.toThrow();
    expect(() => parseCondition('[A] > "48hr"')).not.toThrow();
  });

  it('refuse an empty condition and one longer than 1000 characters', () => {
    expect(syntaxError('   ').message).toBe('empty condition at column 1');
    expect(syntaxError(`[BODY] contains "${'x'.repeat(990)}"`).column).toBe(1001);
    expect(() => parseCondition(`[BODY] contains "${'x'.repeat(981)}"`)).not.toThrow();
  });

  it('are ConditionSyntaxErrors with their column', () => {
    const error = syntaxError('[A] => 1');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConditionSyntaxError');
    expect(error.column).toBe(5);
  });
});
