import type { Step } from '../../runbooks/runbook-model.js';
import { analyzeCodeBlock } from '../../runbooks/steps/analyze-code-block.js';
import type { FoundParameter } from '../../runbooks/steps/step-types.js';
import type { ParameterInput } from '../parameters/place-occurrences.js';
import { resolveStepValues, type ResolveStepValuesOptions } from '../parameters/resolve-step-values.js';
import { rewriteSqlStep, sqlBindValues } from '../parameters/rewrite-sql-step.js';
import { renderSqlPreview } from './render-sql-preview.js';
import { splitSqlStatements, type SqlStatementSpan } from './split-sql-statements.js';

/** One statement ready to send: `$1 …` in its text, `values[i]` bound to `$(i + 1)`. */
export interface PreparedSqlStatement {
  text: string;
  values: (string | null)[];
}

/** A SQL step made ready to run with the operator's values. */
export interface PreparedSql {
  /** In order; none when the step holds only comments. */
  statements: PreparedSqlStatement[];
  /** The step with values written in as literals, secrets masked: for the timeline and the approver. */
  preview: string;
  /** What to redact from the output (see `resolveStepValues`). */
  secrets: { name: string; value: string }[];
  /** The step's own secret values, for the runner's redaction. */
  stepSecrets: { name: string; value: string }[];
}

/**
 * Validates the values of a SQL step's parameters and turns the step into statements whose
 * placeholders are bind parameters: a value is never SQL text, whatever it holds. The step is
 * split like PostgreSQL would and each statement rewritten on its own, since bind parameters are
 * numbered per statement. The parameters are read again from the code (the analysis is
 * deterministic), as the stored structure keeps their names but not their offsets.
 */
export async function prepareSqlStatements(
  step: Step,
  values: Readonly<Record<string, string>>,
  denied: readonly RegExp[],
  options: ResolveStepValuesOptions = {},
): Promise<PreparedSql> {
  const analysis = await analyzeCodeBlock({ lang: 'sql', code: step.body, meta: null });
  const resolved = resolveStepValues(step, analysis.parameters, values, denied, options);
  const statements = splitSqlStatements(step.body).map((statement) => {
    const { text, order } = rewriteSqlStep(statement.text, parametersWithin(analysis.parameters, statement));
    return { text, values: sqlBindValues(order, resolved.values) };
  });
  return {
    statements,
    preview: renderSqlPreview(step.body, analysis.parameters, resolved.values, resolved.secretNames),
    secrets: resolved.secrets,
    stepSecrets: resolved.stepSecrets,
  };
}

/**
 * The occurrences that fall inside one statement, with offsets into its text (line numbers stay
 * those of the step, for the messages). Occurrences between statements are in comments.
 */
function parametersWithin(parameters: readonly FoundParameter[], statement: SqlStatementSpan): ParameterInput[] {
  return parameters.flatMap(({ name, occurrences }) => {
    const inside = occurrences
      .filter((occurrence) => occurrence.start >= statement.start && occurrence.end <= statement.end)
      .map((occurrence) => ({
        ...occurrence,
        start: occurrence.start - statement.start,
        end: occurrence.end - statement.start,
      }));
    return inside.length === 0 ? [] : [{ name, occurrences: inside }];
  });
}
