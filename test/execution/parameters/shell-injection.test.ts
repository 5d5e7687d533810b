import { existsSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rewriteShellStep } from '../../../src/execution/parameters/rewrite-shell-step.js';
import { placeholderForms, runBash, stepWith } from './step-fixtures.js';

const canary = '/tmp/astreinte-canary';

const hostileValues = [
  'x; rm -rf /tmp/astreinte-canary',
  '$(touch /tmp/astreinte-canary)',
  '`touch /tmp/astreinte-canary`',
  'a\nb',
  '*',
  `' " \\`,
  '--help',
  '',
  `"; touch /tmp/astreinte-canary; echo "`,
  `'; touch /tmp/astreinte-canary; echo '`,
  '${IFS}$(touch${IFS}/tmp/astreinte-canary)',
  'a[$(touch /tmp/astreinte-canary)]',
  'EOF\ntouch /tmp/astreinte-canary',
];

/** Where the placeholder stands, and what the program must print for a value. */
interface QuotingContext {
  label: string;
  template: string;
  expected: (value: string) => string;
  /** `$X` in single quotes is literal text for the shell; the analyzer does not report it. */
  templateFormsOnly?: boolean;
}

const oneArgument = (value: string) => `ARG:${value}:END\n`;

const contexts: QuotingContext[] = [
  { label: 'unquoted', template: `printf 'ARG:%s:END\\n' @P@`, expected: oneArgument },
  {
    label: 'inside double quotes',
    template: `printf 'ARG:%s:END\\n' "pre @P@ post"`,
    expected: (v) => oneArgument(`pre ${v} post`),
  },
  {
    label: 'inside single quotes',
    template: `printf 'ARG:%s:END\\n' 'pre @P@ post'`,
    expected: (v) => oneArgument(`pre ${v} post`),
    templateFormsOnly: true,
  },
  {
    label: `inside $'…'`,
    template: `printf 'ARG:%s:END\\n' $'pre @P@ post'`,
    expected: (v) => oneArgument(`pre ${v} post`),
    templateFormsOnly: true,
  },
  { label: 'in an unquoted heredoc', template: 'cat <<EOF\npre @P@ post\nEOF', expected: (v) => `pre ${v} post\n` },
  { label: 'inside $( )', template: `printf 'ARG:%s:END\\n' "$(printf '%s' @P@)"`, expected: oneArgument },
  { label: 'inside backquotes', template: "printf 'ARG:%s:END\\n' \"`printf '%s' @P@`\"", expected: oneArgument },
  { label: 'as a ${X:-default}', template: `printf 'ARG:%s:END\\n' \${UNSET_VARIABLE:-@P@}`, expected: oneArgument },
  { label: 'in the script of bash -c "…"', template: `bash -c "printf 'ARG:%s:END\\n' @P@"`, expected: oneArgument },
  {
    label: `in the script of bash -c '…'`,
    template: `bash -c 'printf "ARG:%s:END\\n" @P@'`,
    expected: oneArgument,
    templateFormsOnly: true,
  },
  {
    label: 'inside single quotes of a bash -c "…" script',
    template: `bash -c "printf 'ARG:%s:END\\n' 'pre @P@ post'"`,
    expected: (v) => oneArgument(`pre ${v} post`),
  },
  { label: 'in an eval', template: `eval "printf 'ARG:%s:END\\n' @P@"`, expected: oneArgument },
  {
    label: 'in a heredoc read by bash',
    template: `bash <<EOF\nprintf 'ARG:%s:END\\n' @P@\nEOF`,
    expected: oneArgument,
  },
];

describe('rewritten shell steps run hostile values as plain data', () => {
  beforeAll(() => {
    rmSync(canary, { force: true });
  });

  it('the harness notices an injection when a value is templated into the code', async () => {
    const control = `/tmp/astreinte-canary-control-${process.pid}`;
    rmSync(control, { force: true });
    await runBash(`printf '%s\\n' ${`$(touch ${control})`}`, {});
    expect(existsSync(control)).toBe(true);
    rmSync(control, { force: true });
  });

  describe.each(placeholderForms)('a $label placeholder', (form) => {
    const applicable = contexts.filter((context) => !(context.templateFormsOnly === true && form.form === 'env'));
    it.each(applicable)('$label receives exactly the value, as one argument', async (context) => {
      const { code, parameters } = stepWith(context.template, form);
      const rewritten = rewriteShellStep(code, parameters);
      const results = await Promise.all(hostileValues.map((value) => runBash(rewritten, { [form.name]: value })));
      results.forEach((result, index) => {
        const value = hostileValues[index] ?? '';
        expect({ value, stdout: result.stdout, stderr: result.stderr }).toEqual({
          value,
          stdout: context.expected(value),
          stderr: '',
        });
      });
      expect(existsSync(canary)).toBe(false);
    });
  });
});
