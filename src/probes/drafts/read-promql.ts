/** Whether an alert expression is a PromQL rule a Prometheus probe can run, and why not when it is not. */
export type PromqlReading = { promql: true } | { promql: false; reason: string };

type Token =
  | {
      kind: 'name' | 'number' | 'duration' | 'string' | 'selector' | 'range' | 'operator' | 'open' | 'close' | 'comma';
      text: string;
    }
  | { kind: 'error'; text: string; why: string };

const comparisons = new Set(['==', '!=', '>=', '<=', '>', '<']);
const setOperators = new Set(['and', 'or', 'unless']);
const modifiers = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const duration = '(?:\\d+(?:ms|[smhdwy]))+';
const matcher = `\\s*[A-Za-z_]\\w*\\s*(?:=~|!~|!=|=)\\s*(?:"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|\`[^\`]*\`)\\s*`;
const patterns: [Token['kind'], RegExp][] = [
  ['selector', new RegExp(`^\\{(?:${matcher}(?:,${matcher})*,?)?\\s*\\}`)],
  ['range', new RegExp(`^\\[\\s*${duration}\\s*(?::\\s*(?:${duration})?\\s*)?\\]`)],
  ['string', /^("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/],
  ['duration', new RegExp(`^${duration}(?![\\w.])`)],
  ['number', /^(?:0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i],
  ['name', /^[A-Za-z_:][\w:]*/],
  ['operator', /^(?:==|!=|>=|<=|[-+*/%^<>@])/],
  ['open', /^\(/],
  ['close', /^\)/],
  ['comma', /^,/],
];

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let rest = expression.trim();
  while (rest !== '') {
    const found = patterns
      .map(([kind, pattern]) => [kind, pattern.exec(rest)?.[0]] as const)
      .find(([, text]) => text !== undefined);
    if (found === undefined)
      return [
        ...tokens,
        { kind: 'error', text: rest.slice(0, 12), why: `"${[...rest][0] ?? ''}" has no place in a query` },
      ];
    const [kind, text = ''] = found;
    tokens.push({ kind, text } as Token);
    rest = rest.slice(text.length).trimStart();
  }
  return tokens;
}

/** Whether a PromQL text compares (`up == 0`): `=` in label matchers does not count. */
export function hasPromqlComparison(expression: string): boolean {
  return tokenize(expression).some((token) => token.kind === 'operator' && comparisons.has(token.text));
}

/**
 * Reads an alert expression as PromQL, as far as telling a query from prose goes: only PromQL's
 * tokens, terms and operators alternating, parentheses balanced, a comparison, and a metric (a
 * selector `up{job="x"}`, a function call `rate(…)`, `up`, or a `metric_name` with an underscore
 * or a colon, which prose does not write). `memory > 85%` and `pg_database_size > 50GB` are prose:
 * a percent or a unit after a number is not PromQL.
 */
export function readPromql(expression: string | null): PromqlReading {
  if (expression === null || expression.trim() === '') return { promql: false, reason: 'no expression' };
  const tokens = tokenize(expression);
  let expectTerm = true;
  let callable = false;
  let depth = 0;
  let metric = false;
  let afterOperator = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const next = tokens[index + 1];
    if (token.kind === 'error') return notPromql(token.why);
    if (
      token.kind === 'name' &&
      (modifiers.has(token.text) || token.text === 'bool') &&
      (!expectTerm || afterOperator)
    ) {
      // `sum by (job) (…)`, `a / on(job) group_left b`, `x > bool 0`: modifiers, not terms.
      if (next?.kind === 'open' && token.text !== 'bool') {
        const close = tokens.findIndex((candidate, at) => at > index && candidate.kind === 'close');
        if (close === -1) return notPromql('a parenthesis is not closed');
        index = close;
      }
      continue;
    }
    if (token.kind === 'name' && !expectTerm && token.text === 'offset' && next?.kind === 'duration') {
      index += 1;
      continue;
    }
    if (token.kind === 'duration') return notPromql(`"${token.text}" is a duration, not a value`);
    afterOperator = false;
    if (token.kind === 'name' && !expectTerm && setOperators.has(token.text)) {
      expectTerm = true;
      afterOperator = true;
      continue;
    }
    if (token.kind === 'open') {
      if (!expectTerm && !callable) return notPromql(`"(" follows a term without an operator`);
      metric ||= callable;
      depth += 1;
      expectTerm = true;
      callable = false;
      continue;
    }
    if (token.kind === 'close' || token.kind === 'comma') {
      if (depth === 0) return notPromql(`"${token.text}" outside parentheses`);
      if (expectTerm && !(token.kind === 'close' && tokens[index - 1]?.kind === 'open'))
        return notPromql(`"${token.text}" follows an operator`);
      if (token.kind === 'close') depth -= 1;
      expectTerm = token.kind === 'comma';
      callable = false;
      continue;
    }
    if (token.kind === 'operator') {
      if (expectTerm && (token.text === '-' || token.text === '+')) continue;
      if (expectTerm) return notPromql(`"${token.text}" has no term before it`);
      if (next === undefined && token.text === '%')
        return notPromql('a percentage is prose: PromQL writes 0.85, not 85%');
      expectTerm = true;
      callable = false;
      afterOperator = true;
      continue;
    }
    if ((token.kind === 'selector' || token.kind === 'range') && !expectTerm) {
      metric ||= token.kind === 'selector';
      continue;
    }
    if (!expectTerm)
      return notPromql(
        `two terms in a row ("${tokens[index - 1]?.text ?? ''} ${token.text}"): words, or a unit after a number, are prose`,
      );
    expectTerm = false;
    // PromQL's functions and aggregations are lower case: `Alert (critical)` is not a call.
    callable = token.kind === 'name' && /^[a-z_][a-z0-9_]*$/.test(token.text);
    // `up` is the one metric everyone alerts on whose name has no underscore.
    metric ||= token.kind === 'selector' || (token.kind === 'name' && (/[_:]/.test(token.text) || token.text === 'up'));
  }
  if (expectTerm) return notPromql('it ends with an operator');
  if (depth !== 0) return notPromql('a parenthesis is not closed');
  if (!hasPromqlComparison(expression))
    return { promql: false, reason: 'no comparison: as a Prometheus rule, every series the query returns would fire' };
  if (!metric)
    return { promql: false, reason: 'no metric selector, function call or metric_name: the words read as prose' };
  return { promql: true };
}

function notPromql(why: string): PromqlReading {
  return { promql: false, reason: `not PromQL: ${why}` };
}
