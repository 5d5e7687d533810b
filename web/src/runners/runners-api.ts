/**
 * The runners as the console reads them: the server's own shape (type-only import, erased from
 * the bundle), the calls through `api()`, and what the banner and the runners page derive from them.
 */
import { api } from '../api';
import type { Runner, RunnerLabels } from '../../../src/execution/jobs/runner-model.js';
import type { ApiToken } from '../../../src/auth/api-token-model.js';

export type { Runner, RunnerLabels };

/** What the server answers once, and never again: the runner token and its secret. */
export interface CreatedRunnerToken {
  token: ApiToken;
  secret: string;
}

export const listRunners = (): Promise<Runner[]> => api<Runner[]>('GET', '/api/v1/runners');

export const createRunnerToken = (name: string): Promise<CreatedRunnerToken> =>
  api<CreatedRunnerToken>('POST', '/api/v1/tokens', { role: 'runner', name });

export const revokeToken = (tokenId: string): Promise<ApiToken> =>
  api<ApiToken>('POST', `/api/v1/tokens/${encodeURIComponent(tokenId)}/revoke`);

/**
 * Told by the runners page after it changed a runner (a token revoked), so that the banner reads
 * again at once instead of at its next minute: an admin who just cut a runner off must see the
 * consequence where everyone else will.
 */
const changeEvent = 'astreinte:runners';
export function noteRunnersChanged(): void {
  window.dispatchEvent(new Event(changeEvent));
}
export function onRunnersChanged(listener: () => void): () => void {
  window.addEventListener(changeEvent, listener);
  return () => window.removeEventListener(changeEvent, listener);
}

/** What keeps steps from running safely, worst first; empty when all is well. */
export type RunnerProblem = { kind: 'none-connected' } | { kind: 'unsandboxed'; names: string[] };

export function runnerProblems(runners: readonly Runner[]): RunnerProblem[] {
  const connected = runners.filter((runner) => runner.connected);
  if (connected.length === 0) return [{ kind: 'none-connected' }];
  const unsandboxed = connected.filter((runner) => runner.sandbox === 'none').map((runner) => runner.name);
  // One name once, though two processes may share it (the same host restarted, say).
  return unsandboxed.length === 0 ? [] : [{ kind: 'unsandboxed', names: [...new Set(unsandboxed)] }];
}

/** `env=prod, site=eu`: labels as people read and type them. */
export function labelsText(labels: RunnerLabels): string[] {
  return Object.entries(labels).map(([name, value]) => `${name}=${value}`);
}

/**
 * `env=prod, site=eu` (commas or spaces) as the CLI's `--label` values; what does not look like a
 * label is reported, since a runner started with it would refuse to start.
 */
export function parseLabels(text: string): { labels: string[]; invalid: string[] } {
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  const valid = (part: string): boolean => /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}=.+$/.test(part);
  return { labels: parts.filter(valid), invalid: parts.filter((part) => !valid(part)) };
}

/** A value as the shell reads it literally: as is when it is plain, else single-quoted. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command that starts a runner on its host with this token. The secret goes in the
 * environment, never in the arguments, where every user of the host could read it in `ps`.
 */
export function runnerCommand({
  secret,
  name,
  labels,
  origin = window.location.origin,
}: {
  secret: string;
  name: string;
  labels: readonly string[];
  origin?: string;
}): string {
  const words = [
    `ASTREINTE_RUNNER_TOKEN=${shellWord(secret)}`,
    'astreinte',
    'runner',
    '--url',
    shellWord(origin),
    '--name',
    shellWord(name),
  ];
  for (const label of labels) words.push('--label', shellWord(label));
  return words.join(' ');
}
