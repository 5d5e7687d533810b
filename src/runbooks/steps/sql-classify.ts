import { riskier, type Verdict } from './match-rules.js';
import { sqlFunctionRules, sqlVerbRules, type SqlRule } from './risk-rules.js';
import { splitSqlStatements, tokenizeSql, type SqlToken } from './sql-tokens.js';
import type { StepCommand } from './step-types.js';
import type { TextPositions } from './text-positions.js';

/** One SQL statement with its level. Offsets are into the text given to `classifySql`. */
export interface SqlStatementVerdict extends Verdict {
  start: number;
  end: number;
  /** First keyword in capitals (`SELECT`), or the psql meta-command (`\dt`). */
  keyword: string;
}

// Words that belong in a reason's label: `DELETE FROM missions`, `DROP TABLE IF EXISTS x`.
const labelWords = new Set([
  'FROM',
  'INTO',
  'TABLE',
  'ONLY',
  'IF',
  'EXISTS',
  'DATABASE',
  'INDEX',
  'SCHEMA',
  'VIEW',
  'MATERIALIZED',
  'SEQUENCE',
  'FUNCTION',
  'ROLE',
  'USER',
  'EXTENSION',
  'TRIGGER',
  'TYPE',
  'CONCURRENTLY',
  'FULL',
  'VERBOSE',
  'ANALYZE',
  'COLUMN',
  'CONSTRAINT',
]);
// `ON DELETE CASCADE`, `FOR UPDATE`, `FOR NO KEY UPDATE` are clauses, not statements.
const clausePrefixes = new Set(['ON', 'FOR', 'KEY', 'OF']);
// Statements whose body is stored or granted, not run: `GRANT DELETE ON …`, `CREATE TRIGGER … AFTER DELETE`.
const firstWordOnly = new Set(['GRANT', 'REVOKE', 'CREATE', 'COMMENT']);
const maxShown = 200;

/** Splits SQL into statements and classifies each (see `classifySqlTokens`). */
export function classifySql(sql: string): SqlStatementVerdict[] {
  return splitSqlStatements(tokenizeSql(sql)).map(({ start, end, tokens }) => {
    const first = tokens[0];
    const keyword = first?.kind === 'meta' ? (first.text.split(/\s/)[0] ?? '') : (first?.text.toUpperCase() ?? '');
    return { start, end, keyword, ...classifySqlTokens(tokens) };
  });
}

/**
 * One command per SQL statement (psql meta-commands included), classified by its keywords.
 * `masked` is the code with placeholders replaced by same-length words; texts come from `original`.
 */
export function analyzeSqlCode(masked: string, original: string, positions: TextPositions): StepCommand[] {
  return classifySql(masked).map((statement) => {
    const text = original.slice(statement.start, statement.end);
    const shown = text.replace(/\s+/g, ' ').trim();
    return {
      text,
      line: positions.lineAt(statement.start),
      endLine: positions.lineAt(Math.max(statement.start, statement.end - 1)),
      start: statement.start,
      end: statement.end,
      argv0: statement.keyword === '' ? null : statement.keyword,
      argv: statement.keyword === '' ? [] : [statement.keyword],
      wrappers: [],
      calls: [],
      level: statement.level,
      reasons: [
        {
          command: shown.length > maxShown ? `${shown.slice(0, maxShown - 1)}…` : shown,
          level: statement.level,
          reason: statement.reason,
        },
      ],
    };
  });
}

/**
 * Classifies one statement by its verbs and server functions; the highest level wins and the reason
 * names what it touches (`DELETE FROM missions deletes rows`). Unknown statements are changing.
 */
export function classifySqlTokens(tokens: readonly SqlToken[]): Verdict {
  const first = tokens[0];
  if (first === undefined) return { level: 'read-only', reason: 'empty statement' };
  if (first.kind === 'meta') return classifyMeta(first.text);
  const keyword = first.text.toUpperCase();
  const findings: Verdict[] = [];
  const firstRule = sqlVerbRules[keyword];
  if (firstRule !== undefined)
    findings.push(
      finding(
        keyword === 'COPY' ? copyRule(tokens) : firstRule,
        firstRule.anywhere === true ? label(tokens, 0) : keyword,
      ),
    );
  const explainOnly =
    keyword === 'EXPLAIN' && !tokens.some((token) => token.kind === 'word' && token.text.toUpperCase() === 'ANALYZE');
  if (!firstWordOnly.has(keyword) && !explainOnly) {
    tokens.forEach((token, index) => {
      if (token.kind !== 'word' || index === 0) return;
      const word = token.text.toUpperCase();
      const verb = sqlVerbRules[word];
      const previous = tokens[index - 1]?.text.toUpperCase() ?? '';
      if (verb?.anywhere === true && !clausePrefixes.has(previous)) findings.push(finding(verb, label(tokens, index)));
      const call = sqlFunctionRules[token.text.toLowerCase()];
      if (call !== undefined && tokens[index + 1]?.text === '(') findings.push(finding(call, `${token.text}()`));
      if (keyword === 'SELECT' && word === 'INTO' && depthAt(tokens, index) === 0)
        findings.push({ level: 'changing', reason: 'SELECT … INTO creates a table' });
    });
  }
  let best: Verdict | null = null;
  for (const found of findings) if (best === null || riskier(found.level, best.level)) best = found;
  return best ?? { level: 'changing', reason: `${keyword} is not a known SQL statement (assumed changing)` };
}

function finding(rule: SqlRule, what: string): Verdict {
  return { level: rule.level, reason: `${what} ${rule.does}` };
}

/** `COPY t FROM …` loads rows; `COPY (SELECT …) TO stdout` only exports them. */
function copyRule(tokens: readonly SqlToken[]): SqlRule {
  const direction = tokens.find(
    (token, index) => token.kind === 'word' && /^(FROM|TO)$/i.test(token.text) && depthAt(tokens, index) === 0,
  );
  return direction?.text.toUpperCase() === 'TO'
    ? { level: 'read-only', does: 'only exports rows' }
    : { level: 'changing', does: 'loads rows' };
}

/** psql meta-commands: `\i` runs a file, `\!` a shell command, `\copy … from` loads; the rest describe. */
function classifyMeta(text: string): Verdict {
  const command = text.split(/\s/)[0] ?? text;
  if (/^\\(i|ir|include|include_relative)$/.test(command))
    return { level: 'changing', reason: `${command} runs a SQL file (not analysed)` };
  if (command === '\\!') return { level: 'changing', reason: '\\! runs a shell command' };
  if (command === '\\copy' && /\bfrom\b/i.test(text)) return { level: 'changing', reason: '\\copy … from loads rows' };
  return { level: 'read-only', reason: `${command} only describes` };
}

function label(tokens: readonly SqlToken[], index: number): string {
  const parts = [tokens[index]?.text.toUpperCase() ?? ''];
  let i = index + 1;
  while (tokens[i]?.kind === 'word' && labelWords.has(tokens[i]?.text.toUpperCase() ?? ''))
    parts.push((tokens[i++] as SqlToken).text.toUpperCase());
  const name = tokens[i];
  if (
    name !== undefined &&
    (name.kind === 'word' || name.kind === 'quoted') &&
    sqlVerbRules[name.text.toUpperCase()] === undefined
  ) {
    let qualified = name.text;
    while (tokens[i + 1]?.text === '.' && tokens[i + 2] !== undefined) {
      qualified += `.${tokens[i + 2]?.text ?? ''}`;
      i += 2;
    }
    if (!/^(SET|WHERE|USING|AS)$/i.test(qualified)) parts.push(qualified);
  }
  return parts.join(' ');
}

function depthAt(tokens: readonly SqlToken[], index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    const text = tokens[i]?.kind === 'punct' ? tokens[i]?.text : '';
    if (text === '(') depth++;
    else if (text === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}
