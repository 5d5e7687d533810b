/**
 * Splits a condition into tokens. Whether `-`, `/`, `*` and `+` are arithmetic depends on
 * where they stand (as `/` does in JavaScript): after a value they are operators, at the start
 * of a value they belong to a bare word, so `[A] - 1` subtracts, `> -1` is a negative number
 * and `application/json`, `10.0.0.1` or `/health` are single words. The operator characters
 * `= ! < > ~` always end a word, so `[STATUS]==200` needs no spaces.
 */
import {
  ConditionSyntaxError,
  comparisonOperators,
  syntaxErrorAt,
  type ArithmeticOperator,
  type ComparisonOperator,
  type LiteralValue,
  type PathSegment,
} from './condition-syntax.js';
import { parseNumberWord } from './condition-units.js';

/** A token and where it was written (0-based offsets, end exclusive). */
export type ConditionToken = { readonly start: number; readonly end: number } & (
  | { readonly kind: 'placeholder'; readonly name: string; readonly path: readonly PathSegment[] }
  | { readonly kind: 'literal'; readonly value: LiteralValue }
  | { readonly kind: 'arithmetic'; readonly operator: ArithmeticOperator }
  | { readonly kind: 'comparison'; readonly operator: ComparisonOperator }
  | { readonly kind: 'len' | 'open' | 'close' | 'end' }
);

const space = /\s/u;
/** What ends a bare word: spaces, brackets, quotes and operator characters. */
const wordEnd = /[\s()[\]"=!<>~]/u;
const operatorCharacter = /[=!<>~]/;
const placeholderName = /[A-Z_]*/y;
/** A member name: letters, digits, `_`; `-` joins parts (`content-type`) but `b-1` stays a subtraction. */
const memberName = /[\p{L}\p{N}_]+(?:-[\p{L}_][\p{L}\p{N}_]*)*/uy;
const arrayIndex = /\d{1,9}/y;
const nameCharacter = /[\p{L}\p{N}_]/u;

/** The tokens of a condition, ending with an `end` token; throws ConditionSyntaxError. */
export function tokenizeCondition(text: string): ConditionToken[] {
  const tokens: ConditionToken[] = [];
  let at = 0;
  let expectValue = true;
  for (;;) {
    while (at < text.length && space.test(text[at]!)) at += 1;
    if (at >= text.length) {
      tokens.push({ kind: 'end', start: at, end: at });
      return tokens;
    }
    const token: ConditionToken = expectValue ? readValue(text, at) : readOperator(text, at);
    tokens.push(token);
    at = token.end;
    expectValue = !(token.kind === 'placeholder' || token.kind === 'literal' || token.kind === 'close');
  }
}

/** Where a value may start: a placeholder, a string, a word, `len`, or a parenthesis. */
function readValue(text: string, at: number): ConditionToken {
  const character = text[at]!;
  if (character === '[') return readPlaceholder(text, at);
  if (character === '$') return readPlaceholderPath(text, 'BODY', at, at + 1);
  if (character === '"') return { kind: 'literal', ...readString(text, at) };
  if (character === '(') return { kind: 'open', start: at, end: at + 1 };
  if (character === ')') return { kind: 'close', start: at, end: at + 1 };
  if (character === ']') throw syntaxErrorAt("unexpected ']'", at);
  if (operatorCharacter.test(character))
    throw syntaxErrorAt(`expected a value, found '${readRun(text, at, operatorCharacter)}'`, at);
  let end = at;
  while (end < text.length && !wordEnd.test(text[end]!)) end += 1;
  const word = text.slice(at, end);
  if (text[end] === '(') {
    if (word === 'len') return { kind: 'len', start: at, end };
    throw syntaxErrorAt(`unknown function '${word}()' (only len() exists)`, at);
  }
  const literals: Record<string, LiteralValue> = { true: true, false: false, null: null };
  const value = Object.hasOwn(literals, word) ? literals[word]! : (parseNumberWord(word) ?? word);
  return { kind: 'literal', value, start: at, end };
}

/** Where an operator must stand: arithmetic, a comparison, or a closing parenthesis. */
function readOperator(text: string, at: number): ConditionToken {
  const character = text[at]!;
  if (character === '+' || character === '-' || character === '*' || character === '/') {
    return { kind: 'arithmetic', operator: character, start: at, end: at + 1 };
  }
  if (character === ')') return { kind: 'close', start: at, end: at + 1 };
  let written: string;
  if (operatorCharacter.test(character)) {
    written = readRun(text, at, operatorCharacter);
    // `!contains` starts like `!=`: take the letters after a lone `!` with it.
    if (written === '!') written += readRun(text, at + 1, /[^\s()[\]"=!<>~]/u);
  } else if (!wordEnd.test(character) && character !== '$') {
    written = readRun(text, at, /[^\s()[\]"=!<>~]/u);
    if (/^[-\d.]/.test(written) || written === '') throw syntaxErrorAt(`expected an operator, found '${written}'`, at);
  } else {
    throw syntaxErrorAt(`expected an operator, found '${character}'`, at);
  }
  const operator = comparisonOperators.find((known) => known === written);
  if (operator === undefined) throw syntaxErrorAt(`unknown operator '${written}'`, at);
  return { kind: 'comparison', operator, start: at, end: at + written.length };
}

/** `[NAME]` and its path. */
function readPlaceholder(text: string, at: number): ConditionToken {
  placeholderName.lastIndex = at + 1;
  const name = placeholderName.exec(text)![0];
  const after = at + 1 + name.length;
  const close = text.indexOf(']', at);
  // `[status]`: say what was meant rather than where the first lower-case letter is.
  if (close > at && /^[A-Za-z_]+$/.test(text.slice(at + 1, close)) && text[after] !== ']') {
    throw syntaxErrorAt(`placeholder names are upper-case: write [${text.slice(at + 1, close).toUpperCase()}]`, at + 1);
  }
  if (name === '') throw syntaxErrorAt("expected a placeholder name (upper-case letters and '_') after '['", after);
  if (text[after] !== ']') {
    if (after < text.length && nameCharacter.test(text[after]!)) {
      throw syntaxErrorAt(`invalid character '${text[after]}' in placeholder name (upper-case letters and '_')`, after);
    }
    throw syntaxErrorAt("missing closing ']'", after);
  }
  return readPlaceholderPath(text, name, at, after + 1);
}

/** The path after a placeholder (`.a`, `[0]`, `["a.b"]`), which must not be followed by a name character. */
function readPlaceholderPath(text: string, name: string, start: number, from: number): ConditionToken {
  const path: PathSegment[] = [];
  let at = from;
  for (;;) {
    if (text[at] === '.') {
      memberName.lastIndex = at + 1;
      const member = memberName.exec(text)?.[0];
      if (member === undefined) throw syntaxErrorAt(`expected a name after '.' (write ["…"] for other names)`, at + 1);
      path.push(member);
      at += 1 + member.length;
    } else if (text[at] === '[' && text[at + 1] === '"') {
      const quoted = readString(text, at + 1);
      if (text[quoted.end] !== ']') throw syntaxErrorAt("missing closing ']'", quoted.end);
      path.push(quoted.value);
      at = quoted.end + 1;
    } else if (text[at] === '[') {
      arrayIndex.lastIndex = at + 1;
      const digits = arrayIndex.exec(text)?.[0];
      if (digits === undefined) throw syntaxErrorAt(`expected an index (0, 1…) or a quoted name after '['`, at + 1);
      if (text[at + 1 + digits.length] !== ']') throw syntaxErrorAt("missing closing ']'", at + 1 + digits.length);
      path.push(Number(digits));
      at += digits.length + 2;
    } else {
      break;
    }
  }
  if (at < text.length && nameCharacter.test(text[at]!)) {
    throw syntaxErrorAt(
      `unexpected '${text[at]}' after ${text.slice(start, at)} (a path goes on with .name or [index])`,
      at,
    );
  }
  return { kind: 'placeholder', name, path, start, end: at };
}

/**
 * A double-quoted string starting at its quote. Only `\"` and `\\` are escapes: any other
 * backslash is kept, so regular expressions read as written (`"^\d+$"`).
 */
function readString(text: string, at: number): { value: string; start: number; end: number } {
  let value = '';
  for (let index = at + 1; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === '"') return { value, start: at, end: index + 1 };
    if (character === '\\' && (text[index + 1] === '"' || text[index + 1] === '\\')) {
      value += text[index + 1];
      index += 1;
    } else {
      value += character;
    }
  }
  throw new ConditionSyntaxError(`missing closing '"' (string opened at column ${at + 1})`, text.length + 1);
}

/** The characters from `at` matching `pattern`, one at a time. */
function readRun(text: string, at: number, pattern: RegExp): string {
  let end = at;
  while (end < text.length && pattern.test(text[end]!)) end += 1;
  return text.slice(at, end);
}
