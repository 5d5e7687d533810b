import { describe, expect, it } from 'vitest';
import { renderDryRun } from '../../../src/execution/parameters/render-dry-run.js';
import { placeholderForms, runBash, stepWith, type PlaceholderForm } from './step-fixtures.js';

const [envForm, , angle] = placeholderForms as [PlaceholderForm, PlaceholderForm, PlaceholderForm];
const token: PlaceholderForm = { label: '$API_TOKEN', token: '$API_TOKEN', name: 'API_TOKEN', form: 'env' };
const render = (
  template: string,
  values: Record<string, string | undefined>,
  second?: PlaceholderForm,
  secrets: string[] = [],
) => {
  const { code, parameters } = stepWith(template, angle, second);
  return renderDryRun(code, parameters, values, secrets);
};

describe('renderDryRun', () => {
  it('writes an unquoted value as one single-quoted word, escaping its quotes', () => {
    expect(render('kill @P@', { task_id: `x; rm -rf /tmp/t 'a'` })).toBe(`kill 'x; rm -rf /tmp/t '\\''a'\\'''`);
    expect(render('kill @P@', { task_id: '' })).toBe(`kill ''`);
  });

  it('writes values inside quotes and heredocs the way they would read there', () => {
    expect(render(`echo "id=@P@" 'id=@P@' $'id=@P@'`, { task_id: `$(id) "q" it's` })).toBe(
      `echo "id=\\$(id) \\"q\\" it's" 'id=$(id) "q" it'\\''s' $'id=$(id) "q" it\\'s'`,
    );
    expect(render('cat <<EOF\nid=@P@\nEOF', { task_id: '$HOME `x`' })).toBe('cat <<EOF\nid=\\$HOME \\`x\\`\nEOF');
  });

  it('shows a command that, run as is, would give the program the same arguments', async () => {
    const value = `a b; $(touch /tmp/never) 'c' "d" \\ *`;
    const shown = render(`printf '[%s]\\n' @P@ "x @P@" 'y @P@'`, { task_id: value });
    expect((await runBash(shown, {})).stdout).toBe(`[${value}]\n[x ${value}]\n[y ${value}]\n`);
  });

  it('masks secrets wherever they stand', () => {
    const shown = render(
      'curl -H "Authorization: Bearer @Q@" -u @Q@ x/@P@',
      { task_id: '42', API_TOKEN: 'tk_live_123' },
      token,
      ['API_TOKEN'],
    );
    expect(shown).toBe(`curl -H "Authorization: Bearer ••••••" -u '••••••' x/'42'`);
  });

  it('keeps an unset $X, its default and placeholders in comments as written', () => {
    const region: PlaceholderForm = { label: '${R:-d}', token: '${REGION:-eu-west-1}', name: 'REGION', form: 'env' };
    expect(render('# for @P@\naws --region @Q@ echo $TASK', { task_id: '1' }, region)).toBe(
      '# for <task_id>\naws --region ${REGION:-eu-west-1} echo $TASK',
    );
    expect(renderDryRun('echo $TASK_ID', stepWith('echo @P@', envForm).parameters, { TASK_ID: 'v' }, [])).toBe(
      `echo 'v'`,
    );
  });

  it('shows what the remote shell of ssh receives', () => {
    expect(render('ssh bastion "systemctl restart @P@"', { task_id: 'a b; c' })).toBe(
      `ssh bastion "systemctl restart 'a b; c'"`,
    );
  });

  it('refuses, like the run, a step whose placeholders cannot be passed safely', () => {
    expect(() => render("cat <<'EOF'\n@P@\nEOF", { task_id: 'x' })).toThrow(/quoted heredoc/);
  });
});
