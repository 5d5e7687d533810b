import type { StepEnd, StepJobPayload, StepResult } from '../execution/jobs/step-job-payload.js';
import type { ShellLauncher } from '../execution/process/run-shell-process.js';
import { createRedactor } from '../execution/redaction/create-redactor.js';
import { createStreamRedactor } from '../execution/redaction/create-stream-redactor.js';
import { runStepProgram } from '../execution/run-step-program.js';
import { OutputSender, retryForMs } from './output-sender.js';
import { RunnerApiError, type RunnerApi } from './runner-api.js';

export interface StepJobRunOptions {
  api: RunnerApi;
  launch?: ShellLauncher;
  cwd?: string;
  /** Aborted to cancel the step (a cancel request, the runner stopping). */
  signal: AbortSignal;
  /** Called when the step must stop: cancelled by a person, or no longer this runner's. */
  onStop: () => void;
  /** The runner's clock, stamping output (the system clock by default). */
  now?: () => Date;
  /** Until when (epoch ms) reports failing on the network may be tried again, besides ten minutes each. */
  retryUntil: () => number;
}

/**
 * Runs one claimed step on this runner: its program (bash, sandboxed when the runner has a
 * launcher; or SQL through `pg`), its output redacted here with the step's own secrets — per
 * stream, a secret split across chunks still caught — before anything leaves, streamed to the
 * server, then its end reported. Returns how it ended; a step the server disowned mid-way (409)
 * is stopped and not reported.
 */
export async function runStepJob(job: StepJobPayload, options: StepJobRunOptions): Promise<StepResult | null> {
  const redactor = createRedactor(job.secrets);
  const streams = { stdout: createStreamRedactor(redactor), stderr: createStreamRedactor(redactor) };
  // Set by the sender's callback: typed wide, or TypeScript would take it for false ever after.
  let disowned = false as boolean;
  const sender = new OutputSender(
    options.api,
    job.executionId,
    (why) => {
      if (why === 'gone') disowned = true;
      options.onStop();
    },
    options.retryUntil,
  );
  const now = options.now ?? (() => new Date());
  const result = await runStepProgram(job.program, {
    now,
    timeoutMs: job.timeoutMs,
    maxOutputBytes: job.maxOutputBytes,
    signal: options.signal,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.launch === undefined ? {} : { launch: options.launch }),
    onOutput: (chunk) => {
      const text = streams[chunk.stream].push(chunk.text);
      if (text !== '') sender.push({ stream: chunk.stream, text, at: chunk.at.toISOString() });
    },
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    const rest = streams[stream].flush();
    if (rest !== '') sender.push({ stream, text: rest, at: now().toISOString() });
  }
  const rest = await sender.takeRest();
  if (disowned) return null;
  const reported: StepResult = {
    outcome: result.outcome,
    exitCode: result.exitCode,
    signal: result.signal,
    durationMs: result.durationMs,
    error: result.error === null ? null : result.error.slice(0, 2000),
    stdoutBytes: result.stdoutBytes,
    stderrBytes: result.stderrBytes,
    truncatedBytes: result.truncatedBytes,
  };
  await reportEnd(
    options.api,
    job.executionId,
    { ...reported, ...(rest.length === 0 ? {} : { output: rest }) },
    options.retryUntil,
  );
  return reported;
}

/** The end must reach the server: tried again on network failures while `retryUntil` allows (else the server declares the step interrupted). */
async function reportEnd(
  api: RunnerApi,
  executionId: string,
  result: StepEnd,
  retryUntil: () => number,
): Promise<void> {
  const giveUpAt = Date.now() + retryForMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await api.finish(executionId, result);
      return;
    } catch (error) {
      if (error instanceof RunnerApiError || Date.now() > Math.min(giveUpAt, retryUntil())) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 200 * 2 ** attempt)));
    }
  }
}
