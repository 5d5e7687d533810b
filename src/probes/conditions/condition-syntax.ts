/**
 * The shapes a parsed condition is made of, and the error a condition that does not parse
 * throws. Positions are 0-based offsets into the condition's text (`start` inclusive, `end`
 * exclusive), so a detail or a message can quote exactly what was written.
 */

/** The most characters one condition may have. */
export const maxConditionLength = 1000;
/** The most conditions one probe may have. */
export const maxConditions = 50;

/** How two sides are compared. */
export const comparisonOperators = ['==', '!=', '<', '<=', '>', '>=', 'contains', '!contains', '=~', '!~'] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

/** Operators that compare numbers only. */
export const orderingOperators = ['<', '<=', '>', '>='] as const;

/** Operators whose right side is a regular expression, compiled when the condition is parsed. */
export const patternOperators = ['=~', '!~'] as const;
export type PatternOperator = (typeof patternOperators)[number];

export const arithmeticOperators = ['+', '-', '*', '/'] as const;
export type ArithmeticOperator = (typeof arithmeticOperators)[number];

/** One step of a placeholder's path: a member name (`.database`, `["a.b"]`) or an array index (`[0]`). */
export type PathSegment = string | number;

/** What a literal is: a quoted string or bare word, a number (units applied), `true`, `false`, `null`. */
export type LiteralValue = string | number | boolean | null;

/** Where a node was written in the condition's text. */
export interface ConditionSpan {
  readonly start: number;
  readonly end: number;
}

/** `[NAME]` and its path; `$.a` is `[BODY].a`. */
export interface PlaceholderExpression extends ConditionSpan {
  readonly kind: 'placeholder';
  readonly name: string;
  readonly path: readonly PathSegment[];
}

export interface LiteralExpression extends ConditionSpan {
  readonly kind: 'literal';
  readonly value: LiteralValue;
}

export interface ArithmeticExpression extends ConditionSpan {
  readonly kind: 'arithmetic';
  readonly operator: ArithmeticOperator;
  readonly left: ConditionExpression;
  readonly right: ConditionExpression;
}

/** `len(x)`. */
export interface LengthExpression extends ConditionSpan {
  readonly kind: 'length';
  readonly argument: ConditionExpression;
}

/** One side of a condition. A parenthesised expression spans its parentheses. */
export type ConditionExpression = PlaceholderExpression | LiteralExpression | ArithmeticExpression | LengthExpression;

/** The operator and right side of a condition; a pattern operator's right side is compiled. */
export type ConditionComparison =
  | { readonly operator: Exclude<ComparisonOperator, PatternOperator>; readonly right: ConditionExpression }
  | { readonly operator: PatternOperator; readonly right: LiteralExpression; readonly pattern: RegExp };

/** A condition ready to evaluate: its text, its left side, and its comparison (null for a lone operand). */
export interface ParsedCondition {
  readonly text: string;
  readonly left: ConditionExpression;
  readonly comparison: ConditionComparison | null;
}

/** A condition that does not parse: `column` is 1-based; the message ends with `at column N`. */
export class ConditionSyntaxError extends Error {
  override readonly name = 'ConditionSyntaxError';
  constructor(
    readonly reason: string,
    readonly column: number,
  ) {
    super(`${reason} at column ${column}`);
  }
}

/** A syntax error at a 0-based offset. */
export function syntaxErrorAt(reason: string, offset: number): ConditionSyntaxError {
  return new ConditionSyntaxError(reason, offset + 1);
}
