import { parameterEnvName } from './parameter-environment.js';
import { placeOccurrences, type ParameterInput } from './place-occurrences.js';
import { shellReplacement } from './shell-replacement.js';
import { scanShellContexts } from './shell-scanner.js';

/**
 * Rewrites a shell step so that each placeholder (`<task_id>`, `{{ agent_id }}`, `[ID]`, `$TOKEN` …)
 * becomes a quoted reference to `ASTREINTE_P_<name>`, which the runner sets to the operator's value:
 *
 * - unquoted `<x>` → `"${ASTREINTE_P_x}"`; in double quotes or an unquoted heredoc → `${ASTREINTE_P_x}`;
 *   in single quotes → `'a'"${ASTREINTE_P_x}"'b'`; `$TOKEN` is renamed in place (and quoted when unquoted);
 * - code for another shell (`ssh host "…<x>"`, `bash -c '…'`, `eval`) gets the value quoted by `printf %q`;
 * - in arithmetic (`$(( <n> + 1 ))`, `[[ <n> -gt 3 ]]`) a guard at the start makes non-integers stop the step;
 * - placeholders in comments are left as they are.
 *
 * Throws a validation AppError naming the parameter and line where no safe reference exists
 * (quoted heredoc, quotes of an inner shell). The result is line-for-line the original code.
 */
export function rewriteShellStep(code: string, parameters: readonly ParameterInput[]): string {
  const placed = placeOccurrences(code, parameters);
  const contexts = scanShellContexts(
    code,
    placed.map(({ occurrence }) => occurrence),
  );
  const integers = new Set<string>();
  let rewritten = '';
  let cursor = 0;
  placed.forEach((item, index) => {
    const context = contexts[index];
    if (context === undefined) throw new Error('The shell scanner lost an occurrence');
    rewritten += code.slice(cursor, item.occurrence.start) + shellReplacement(item, context);
    cursor = item.occurrence.end;
    if (context.integerOnly && context.quoting !== 'comment') integers.add(item.name);
  });
  return integerGuards([...integers]) + rewritten + code.slice(cursor);
}

/**
 * One guard per parameter used in arithmetic, on the first line so line numbers in bash's error
 * messages still match the runbook. An empty value is harmless in arithmetic (it counts as 0).
 */
function integerGuards(names: readonly string[]): string {
  return names
    .map(
      (name) =>
        `[[ \${${parameterEnvName(name)}-} =~ ^-?[0-9]*$ ]] || { echo 'astreinte: parameter ${name} must be an integer' >&2; exit 2; }; `,
    )
    .join('');
}
