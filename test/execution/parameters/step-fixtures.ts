import { spawn } from 'node:child_process';
import type { ParameterForm } from '../../../src/runbooks/steps/step-types.js';
import { parameterEnvironment } from '../../../src/execution/parameters/parameter-environment.js';
import type { ParameterInput } from '../../../src/execution/parameters/place-occurrences.js';

/** One way of writing a placeholder, with the parameter name the analyzer gives it. */
export interface PlaceholderForm {
  label: string;
  token: string;
  name: string;
  form: ParameterForm;
}

export const placeholderForms: PlaceholderForm[] = [
  { label: '$X', token: '$TASK_ID', name: 'TASK_ID', form: 'env' },
  { label: '${X}', token: '${TASK_ID}', name: 'TASK_ID', form: 'env' },
  { label: '<x>', token: '<task_id>', name: 'task_id', form: 'angle' },
  { label: '<x-y>', token: '<task-id>', name: 'task_id', form: 'angle' },
  { label: '{{ x }}', token: '{{ task_id }}', name: 'task_id', form: 'mustache' },
  { label: '{{x}}', token: '{{task_id}}', name: 'task_id', form: 'mustache' },
  { label: '[X]', token: '[TASK_ID]', name: 'TASK_ID', form: 'bracket' },
];

/**
 * Builds a step from a template where `@P@` marks each place of the placeholder (and `@Q@` those
 * of a second one), with the occurrences the analyzer would report.
 */
export function stepWith(
  template: string,
  first: PlaceholderForm,
  second?: PlaceholderForm,
): { code: string; parameters: ParameterInput[] } {
  let code = '';
  const found = new Map<string, ParameterInput & { occurrences: ParameterInput['occurrences'][number][] }>();
  const parts = template.split(/(@[PQ]@)/);
  for (const part of parts) {
    const form = part === '@P@' ? first : part === '@Q@' ? second : undefined;
    if (form === undefined) {
      code += part;
      continue;
    }
    const parameter = found.get(form.name) ?? { name: form.name, occurrences: [] };
    found.set(form.name, parameter);
    const line = code.split('\n').length;
    parameter.occurrences.push({
      start: code.length,
      end: code.length + form.token.length,
      raw: form.token,
      form: form.form,
      line,
    });
    code += form.token;
  }
  return { code, parameters: [...found.values()] };
}

/**
 * Runs code with real bash and only PATH plus the parameter variables in its environment. `--norc`:
 * Node's stdio pipes are sockets, which bash takes for an ssh session and then reads ~/.bashrc.
 */
export function runBash(
  code: string,
  values: Record<string, string>,
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...parameterEnvironment(values) };
    const child = spawn('/bin/bash', ['--noprofile', '--norc', '-c', code], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, code: status }));
  });
}
