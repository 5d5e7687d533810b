import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/app-error.js';
import { rewriteShellStep } from '../../../src/execution/parameters/rewrite-shell-step.js';
import { analyzeCodeBlock } from '../../../src/runbooks/steps/analyze-code-block.js';
import { placeholderForms, runBash, stepWith, type PlaceholderForm } from './step-fixtures.js';

const [envForm, , angle] = placeholderForms as [PlaceholderForm, PlaceholderForm, PlaceholderForm];
const count: PlaceholderForm = { label: '<count>', token: '<count>', name: 'count', form: 'angle' };
const service: PlaceholderForm = { label: '<service>', token: '<service>', name: 'service', form: 'angle' };
const rewrite = (template: string, first: PlaceholderForm = angle, second?: PlaceholderForm) => {
  const { code, parameters } = stepWith(template, first, second);
  return rewriteShellStep(code, parameters);
};
const refusal = (template: string, first: PlaceholderForm = angle): AppError => {
  try {
    rewrite(template, first);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('rewriteShellStep', () => {
  it('quotes each placeholder for the place it stands in', () => {
    expect(rewrite(`echo @P@ "a @P@" 'b @P@ c' $'d @P@'`)).toBe(
      `echo "\${ASTREINTE_P_task_id}" "a \${ASTREINTE_P_task_id}" 'b '"\${ASTREINTE_P_task_id}"' c' $'d '"\${ASTREINTE_P_task_id}"$''`,
    );
    expect(rewrite('cat <<EOF\nid=@P@\nEOF')).toBe('cat <<EOF\nid=${ASTREINTE_P_task_id}\nEOF');
  });

  it('renames $X and ${X} in place and quotes them only where they were unquoted', () => {
    expect(rewrite(`curl -H "Bearer @P@" x @P@`, envForm)).toBe(
      `curl -H "Bearer \${ASTREINTE_P_TASK_ID}" x "\${ASTREINTE_P_TASK_ID}"`,
    );
    const region: PlaceholderForm = { label: '${R:-d}', token: '${REGION:-eu-west-1}', name: 'REGION', form: 'env' };
    expect(rewrite('aws --region @P@ s3 ls', region)).toBe('aws --region "${ASTREINTE_P_REGION:-eu-west-1}" s3 ls');
  });

  it('leaves placeholders in comments alone and keeps every line where it was', () => {
    const code = '# restart <task_id> first\necho @P@ # then <task_id>\n\necho done';
    const rewritten = rewrite(code);
    expect(rewritten).toBe('# restart <task_id> first\necho "${ASTREINTE_P_task_id}" # then <task_id>\n\necho done');
    expect(rewritten.split('\n')).toHaveLength(code.split('\n').length);
  });

  it('does not take a placeholder for a redirection or a heredoc start', async () => {
    const rewritten = rewrite('printf "%s\\n" @P@ > /dev/null; echo @P@');
    expect(rewritten).toBe('printf "%s\\n" "${ASTREINTE_P_task_id}" > /dev/null; echo "${ASTREINTE_P_task_id}"');
    expect((await runBash(rewritten, { task_id: '<x>' })).stdout).toBe('<x>\n');
  });

  it('refuses a placeholder inside a quoted heredoc, naming the parameter and the line', () => {
    const error = refusal("cat <<'EOF'\nkill @P@\nEOF");
    expect(error.message).toMatch(/task_id \(line 2\).*quoted heredoc/);
    expect(error.details['issues']).toEqual([{ path: '/parameters/task_id', message: error.message }]);
    expect(() => rewrite('cat <<"EOF"\n@P@\nEOF')).toThrow(/quoted heredoc/);
  });

  it('renames a $X inside a quoted heredoc, which only the receiving shell expands', () => {
    expect(rewrite("bash <<'EOF'\necho @P@\nEOF", envForm)).toBe("bash <<'EOF'\necho ${ASTREINTE_P_TASK_ID}\nEOF");
  });

  it('quotes values for the remote shell of ssh with printf %q', () => {
    expect(rewrite('ssh bastion "sudo systemctl restart @P@"', service)).toBe(
      'ssh bastion "sudo systemctl restart $(printf %q "${ASTREINTE_P_service}")"',
    );
    expect(rewrite('ssh -i key bastion sudo systemctl restart @P@', service)).toBe(
      'ssh -i key bastion sudo systemctl restart "$(printf %q "${ASTREINTE_P_service}")"',
    );
    expect(rewrite(`ssh bastion "grep '@P@' /var/log/app.log"`, service)).toBe(
      `ssh bastion "grep ''$(printf %q "\${ASTREINTE_P_service}")'' /var/log/app.log"`,
    );
  });

  it('treats the arguments after a bash -c script as plain arguments', () => {
    expect(rewrite(`bash -c 'echo "$1"' _ @P@`)).toBe(`bash -c 'echo "$1"' _ "\${ASTREINTE_P_task_id}"`);
    expect(rewrite('kubectl exec -it pod -c @P@ -- redis-cli get k')).toBe(
      'kubectl exec -it pod -c "${ASTREINTE_P_task_id}" -- redis-cli get k',
    );
  });

  it('refuses what another shell would parse in a way it cannot quote for', () => {
    expect(refusal('ssh bastion "cat $(ls @P@)"').message).toMatch(/ends up in output that ssh runs as code/);
    expect(refusal('ssh bastion "echo \\$(( @P@ + 1 ))"').message).toMatch(/code for ssh/);
    expect(refusal(`bash -c "bash -c 'echo @P@'"`).message).toMatch(/code for bash -c/);
  });

  it('refuses a value whose command pipes its output into a shell that runs it', () => {
    expect(refusal('echo "kill @P@" | sudo -u app bash').message).toMatch(
      /task_id \(line 1\).*bash \(through a pipe\)/,
    );
    expect(refusal('cat <<EOF | ssh bastion\nrestart @P@\nEOF').message).toMatch(/ssh \(through a pipe\)/);
    expect(rewrite('echo @P@ | ssh bastion "sudo tee /etc/app/id"')).toBe(
      'echo "${ASTREINTE_P_task_id}" | ssh bastion "sudo tee /etc/app/id"',
    );
    expect(rewrite(`echo @P@ | bash -c 'read -r id; echo "$id"' || bash fallback.sh`)).toMatch(
      /^echo "\$\{ASTREINTE_P_task_id\}"/,
    );
  });

  it('guards arithmetic uses so that only integers reach them', async () => {
    const rewritten = rewrite('echo $(( @P@ + 1 )); [[ @P@ -gt 3 ]] && echo big; a=(x y z); echo "${a[@P@]}"', count);
    expect((await runBash(rewritten, { count: '2' })).stdout).toBe('3\nz\n');
    expect((await runBash(rewritten, { count: '5' })).stdout).toBe('6\nbig\n\n');
    const canary = `/tmp/astreinte-canary-arith-${process.pid}`;
    const attack = await runBash(rewritten, { count: `a[$(touch ${canary})]` });
    expect(attack).toMatchObject({ code: 2, stdout: '', stderr: 'astreinte: parameter count must be an integer\n' });
    expect(existsSync(canary)).toBe(false);
    rmSync(canary, { force: true });
  });

  it('guards values that reach arithmetic through let, declare -i or a command substitution', () => {
    for (const template of ['let total=@P@+1', 'declare -i n=@P@', '[[ "$(echo @P@)" -eq 3 ]]', 'echo ${x:@P@}']) {
      expect(rewrite(template, count)).toMatch(/^\[\[ \$\{ASTREINTE_P_count-\} =~/);
    }
    expect(rewrite('[[ @P@ == web-* ]] && echo "${x:-@P@}"', count)).not.toMatch(/=~/);
  });

  it('rejects occurrences that do not describe the code', () => {
    const occurrence = { start: 5, end: 14, raw: '<task_id>', form: 'angle' as const, line: 1 };
    expect(() => rewriteShellStep('echo <other>', [{ name: 'task_id', occurrences: [occurrence] }])).toThrow(
      /does not match/,
    );
    expect(() => rewriteShellStep('echo <task_id>', [{ name: 'bad name', occurrences: [occurrence] }])).toThrow(
      /not a shell identifier/,
    );
  });

  it('rewrites what analyzeCodeBlock finds in a runbook step', async () => {
    const code =
      '# Redémarrer le worker\ncurl -fsS -H "Authorization: Bearer $API_TOKEN" "http://x/tasks/<task-id>" \\\n  -d \'{"agent": "{{ agent_id }}"}\'';
    const { parameters } = await analyzeCodeBlock({ lang: 'bash', code });
    expect(parameters.map((parameter) => parameter.name).sort()).toEqual(['API_TOKEN', 'agent_id', 'task_id']);
    expect(rewriteShellStep(code, parameters)).toBe(
      '# Redémarrer le worker\ncurl -fsS -H "Authorization: Bearer ${ASTREINTE_P_API_TOKEN}" "http://x/tasks/${ASTREINTE_P_task_id}" \\\n' +
        `  -d '{"agent": "'"\${ASTREINTE_P_agent_id}"'"}'`,
    );
  });
});
