/**
 * A recursive-descent parser for probe conditions (one small grammar for every probe kind):
 *
 *   condition := sum (comparison sum)?
 *   sum       := term (('+' | '-') term)*
 *   term      := atom (('*' | '/') atom)*
 *   atom      := placeholder | literal | 'len(' sum ')' | '(' sum ')'
 *
 * See tokenize-condition.ts for placeholders, words, numbers and strings.
 */
import {
  maxConditionLength,
  orderingOperators,
  patternOperators,
  syntaxErrorAt,
  type ConditionComparison,
  type ConditionExpression,
  type ParsedCondition,
} from './condition-syntax.js';
import { conditionUnits, unknownUnitOf } from './condition-units.js';
import { tokenizeCondition, type ConditionToken } from './tokenize-condition.js';
import { backtrackingRisk } from '../../core/backtracking-risk.js';

/** Parses a condition, or throws ConditionSyntaxError saying what is wrong and at which column. */
export function parseCondition(text: string): ParsedCondition {
  if (text.length > maxConditionLength) {
    throw syntaxErrorAt(
      `a condition has at most ${maxConditionLength} characters (this one has ${text.length})`,
      maxConditionLength,
    );
  }
  if (text.trim() === '') throw syntaxErrorAt('empty condition', 0);
  return new ConditionParser(text, tokenizeCondition(text)).parse();
}

class ConditionParser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly ConditionToken[],
  ) {}

  parse(): ParsedCondition {
    const left = this.parseSum();
    const token = this.take();
    if (token.kind === 'end') return { text: this.text, left, comparison: null };
    if (token.kind !== 'comparison') throw this.unexpected(token);
    const right = this.parseSum();
    const after = this.take();
    if (after.kind === 'comparison')
      throw syntaxErrorAt(`a condition has one comparison: unexpected '${after.operator}'`, after.start);
    if (after.kind !== 'end') throw this.unexpected(after);
    return { text: this.text, left, comparison: this.compare(token.operator, left, right) };
  }

  /** The comparison, its pattern compiled now so that a bad one is refused when the probe is saved. */
  private compare(
    operator: ConditionComparison['operator'],
    left: ConditionExpression,
    right: ConditionExpression,
  ): ConditionComparison {
    if ((orderingOperators as readonly string[]).includes(operator)) {
      this.refuseUnknownUnit(left);
      this.refuseUnknownUnit(right);
    }
    if (operator !== '=~' && operator !== '!~') return { operator, right };
    if (right.kind !== 'literal') {
      throw syntaxErrorAt(
        `the right side of ${patternOperators.join(' and ')} must be a pattern ("…" or a bare word)`,
        right.start,
      );
    }
    const source = typeof right.value === 'string' ? right.value : this.text.slice(right.start, right.end);
    let pattern: RegExp;
    try {
      pattern = new RegExp(source, 'u');
    } catch (error) {
      // V8 says "Invalid regular expression: /(/u: Unterminated group": keep the last part.
      const why = (error instanceof Error ? error.message : String(error)).split(': ').pop()!.toLowerCase();
      throw syntaxErrorAt(`invalid regular expression ${JSON.stringify(source)}: ${why}`, right.start);
    }
    const risk = backtrackingRisk(source);
    if (risk !== null)
      throw syntaxErrorAt(`regular expression ${JSON.stringify(source)} refused: ${risk}`, right.start);
    return { operator, right, pattern };
  }

  private parseSum(): ConditionExpression {
    let left = this.parseTerm();
    for (
      let token = this.peek();
      token.kind === 'arithmetic' && (token.operator === '+' || token.operator === '-');
      token = this.peek()
    ) {
      this.index += 1;
      left = this.combine(token.operator, left, this.parseTerm());
    }
    return left;
  }

  private parseTerm(): ConditionExpression {
    let left = this.parseAtom();
    for (
      let token = this.peek();
      token.kind === 'arithmetic' && (token.operator === '*' || token.operator === '/');
      token = this.peek()
    ) {
      this.index += 1;
      left = this.combine(token.operator, left, this.parseAtom());
    }
    return left;
  }

  private combine(
    operator: '+' | '-' | '*' | '/',
    left: ConditionExpression,
    right: ConditionExpression,
  ): ConditionExpression {
    this.refuseUnknownUnit(left);
    this.refuseUnknownUnit(right);
    return { kind: 'arithmetic', operator, left, right, start: left.start, end: right.end };
  }

  private parseAtom(): ConditionExpression {
    const token = this.take();
    switch (token.kind) {
      case 'placeholder':
        return { kind: 'placeholder', name: token.name, path: token.path, start: token.start, end: token.end };
      case 'literal':
        return { kind: 'literal', value: token.value, start: token.start, end: token.end };
      case 'open': {
        const inner = this.parseSum();
        const close = this.expectClose(token);
        return { ...inner, start: token.start, end: close.end };
      }
      case 'len': {
        const open = this.take();
        const argument = this.parseSum();
        const close = this.expectClose(open);
        return { kind: 'length', argument, start: token.start, end: close.end };
      }
      case 'end': {
        const before = this.tokens[this.index - 2];
        const after = before === undefined ? '' : ` after '${this.text.slice(before.start, before.end)}'`;
        throw syntaxErrorAt(`expected a value${after}`, token.start);
      }
      default:
        throw this.unexpected(token);
    }
  }

  private expectClose(open: ConditionToken): ConditionToken {
    const token = this.take();
    if (token.kind === 'close') return token;
    throw syntaxErrorAt(`missing closing ')' (opened at column ${open.start + 1})`, token.start);
  }

  /**
   * `48hr` or `10kb` where a number is needed reads as a word, which never compares as a
   * number: almost surely a typo for a unit, so it is refused (quoted strings are not).
   */
  private refuseUnknownUnit(side: ConditionExpression): void {
    if (side.kind !== 'literal' || typeof side.value !== 'string' || this.text[side.start] === '"') return;
    const unit = unknownUnitOf(side.value);
    if (unit !== null)
      throw syntaxErrorAt(
        `unknown unit '${unit}' in '${side.value}' (units: ${conditionUnits.join(', ')})`,
        side.start,
      );
  }

  private unexpected(token: ConditionToken): Error {
    if (token.kind === 'close') return syntaxErrorAt("unexpected ')' without a matching '('", token.start);
    return syntaxErrorAt(`unexpected '${this.text.slice(token.start, token.end)}'`, token.start);
  }

  private peek(): ConditionToken {
    return this.tokens[this.index]!;
  }

  private take(): ConditionToken {
    const token = this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
    this.index += 1;
    return token;
  }
}
