import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { RunnerLabels, RunnerSandbox } from '../execution/jobs/runner-model.js';
import { RunnerApi, type RunnerTransport } from './runner-api.js';
import { Runner, type RunnerLog } from './runner.js';
import { bwrapLauncher } from './sandbox/bwrap-launcher.js';
import { checkBwrap } from './sandbox/check-sandbox.js';

export interface StartRunnerOptions {
  transport: RunnerTransport;
  name?: string;
  labels?: RunnerLabels;
  capacity?: number;
  sandbox: RunnerSandbox;
  writable?: readonly string[];
  hidden?: readonly string[];
  cwd?: string;
  version?: string;
  log: RunnerLog;
  claimWaitMs?: number;
}

/**
 * Checks the sandbox, then starts a runner: bubblewrap proven usable first (`checkBwrap` throws,
 * saying what to install, rather than run steps unconfined), or `none` with a warning at every
 * start. Resolves once the runner is registered.
 */
export async function startRunner(options: StartRunnerOptions): Promise<Runner> {
  let launch;
  if (options.sandbox === 'bwrap') {
    const bwrap = checkBwrap();
    launch = bwrapLauncher({ writable: options.writable ?? [], hidden: options.hidden ?? [] }, bwrap);
  } else {
    options.log.warn(
      "steps run WITHOUT a sandbox (ASTREINTE_RUNNER_SANDBOX=none): they can read everything this runner's user can, its token included",
    );
  }
  const runner = new Runner({
    api: new RunnerApi(options.transport, randomUUID()),
    info: {
      name: options.name ?? hostname(),
      labels: options.labels ?? {},
      sandbox: options.sandbox,
      hostname: hostname(),
      version: options.version ?? '',
      capacity: options.capacity ?? 4,
    },
    ...(launch === undefined ? {} : { launch }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    log: options.log,
    ...(options.claimWaitMs === undefined ? {} : { claimWaitMs: options.claimWaitMs }),
  });
  await runner.start();
  return runner;
}
