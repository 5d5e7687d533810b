import type { Database } from '../storage/database.js';
import type { ShellProcessResult } from './process/run-shell-process.js';
import { createRedactor } from './redaction/create-redactor.js';
import { createStreamRedactor, type StreamRedactor } from './redaction/create-stream-redactor.js';
import { concludeVerifiedRun } from './conclude-verified-run.js';
import { runStepProgram } from './run-step-program.js';
import { heartbeat } from './step-heartbeat.js';
import type { StepJob } from './step-job.js';
import { checkSuccessCondition } from './verification/check-success-condition.js';
import type { Verification } from './verification/success-condition.js';
import { recordStepOutput, recordStepFinished, recordStepStarted, skipChained, type OutputLine } from './record-step-progress.js';


export interface StepRunnerOptions {
  /** This process's identity in `step_executions.node_id`. */
  nodeId: string;
  maxConcurrent: number;
  /** How often this node proves its steps alive and looks for cancel requests. */
  heartbeatMs: number;
  /** After how long without a heartbeat a queued or running step is declared interrupted. */
  staleAfterMs: number;
  maxOutputBytes: number;
  /** How often buffered output is written to the database (and the timeline). */
  flushIntervalMs: number;
  cwd?: string;
  onError: (error: unknown, job: StepJob | null) => void;
}

/**
 * Runs step processes on this node, at most `maxConcurrent` at once (others wait in order), and
 * records their progress: output in batches as it arrives (redacted), then how they ended.
 * `stop()` cancels what runs and waits for it to be recorded.
 */
export class StepRunner {
  private readonly queue: StepJob[] = [];
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private readonly chained = new Set<StepJob[]>();

  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> = Promise.resolve();

  constructor(private readonly db: Database, private readonly options: StepRunnerOptions) {}

  /**
   * Starts the heartbeat: keeps this node's steps alive, applies cancel requests made on any
   * node, and marks as interrupted the steps of nodes that died (a `kill -9` or a crash), whose
   * output so far is kept. Never re-runs them: a half-run step may not be safe to repeat.
   */
  start(): void {
    if (this.timer !== undefined) return;
    const beat = (): void => {
      this.beating = this.beating
        .then(() => heartbeat(this.db, this.options, this.activeIds(), (id) => this.running.get(id)?.controller.abort()))
        .catch((error: unknown) => this.options.onError(error, null));
    };
    beat();
    this.timer = setInterval(beat, this.options.heartbeatMs);
    this.timer.unref();
  }

  private activeIds(): string[] {
    return [...this.queue.map((job) => job.executionId), ...this.running.keys(), ...[...this.chained].flat().map((job) => job.executionId)];
  }

  /** Queues a job; it starts as soon as a slot is free. */
  launch(job: StepJob): void {
    this.queue.push(job);
    this.pump();
  }

  /**
   * Runs jobs one after the other; after a step that does not succeed, the rest are skipped unless
   * `continueOnFailure`. Waiting jobs count as this node's (their heartbeat is kept).
   */
  launchChain(jobs: readonly StepJob[], continueOnFailure: boolean): void {
    const waiting = [...jobs];
    this.chained.add(waiting);
    const next = (): void => {
      const job = waiting.shift();
      if (job === undefined) {
        this.chained.delete(waiting);
        return;
      }
      this.launch({
        ...job,
        onFinished: (succeeded) => {
          if (succeeded || continueOnFailure) return next();
          const skipped = waiting.splice(0);
          this.chained.delete(waiting);
          void skipChained(this.db, skipped).catch((error: unknown) => this.options.onError(error, skipped[0] ?? null));
        },
      });
    };
    next();
  }

  /** Cancels a running or queued execution; true when it was found on this node. */
  cancel(executionId: string): boolean {
    const queued = this.queue.findIndex((job) => job.executionId === executionId);
    if (queued !== -1) {
      const [job] = this.queue.splice(queued, 1);
      void recordStepFinished(this.db, job!, cancelledBeforeStart)
        .then(() => job!.onFinished?.(false))
        .catch((error: unknown) => this.options.onError(error, job!));
      return true;
    }
    const entry = this.running.get(executionId);
    entry?.controller.abort();
    return entry !== undefined;
  }

  /** Waits for every execution on this node to have ended (cancelling them first when asked). */
  async stop({ cancel }: { cancel: boolean }): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.beating;
    if (cancel) {
      for (const job of this.queue.splice(0)) await recordStepFinished(this.db, job, cancelledBeforeStart).catch(() => undefined);
      for (const entry of this.running.values()) entry.controller.abort();
    }
    await Promise.all([...this.running.values()].map((entry) => entry.done));
  }

  private pump(): void {
    while (this.running.size < this.options.maxConcurrent && this.queue.length > 0) {
      const job = this.queue.shift()!;
      const controller = new AbortController();
      const done = this.execute(job, controller.signal)
        .catch((error: unknown) => this.options.onError(error, job))
        .finally(() => {
          this.running.delete(job.executionId);
          this.pump();
        });
      this.running.set(job.executionId, { controller, done });
    }
  }

  private async execute(job: StepJob, signal: AbortSignal): Promise<void> {
    await recordStepStarted(this.db, job, this.options.nodeId);
    const redactor = createRedactor(job.secrets);
    const streams: Record<string, StreamRedactor> = { stdout: createStreamRedactor(redactor), stderr: createStreamRedactor(redactor) };
    let pending: OutputLine[] = [];
    let writing = Promise.resolve();
    // What the success condition is checked against: the redacted output, both streams in order.
    const evidence = job.condition === null ? null : new EvidenceBuffer(this.options.maxOutputBytes);
    // Output is written in order, one batch at a time, so the timeline reads as the step printed.
    const flush = (): void => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      writing = writing.then(() => recordStepOutput(this.db, job, batch)).catch((error: unknown) => this.options.onError(error, job));
    };
    const timer = setInterval(flush, this.options.flushIntervalMs);
    let result: ShellProcessResult;
    try {
      result = await runStepProgram(job.program, {
        timeoutMs: job.timeoutMs,
        maxOutputBytes: this.options.maxOutputBytes,
        signal,
        ...(this.options.cwd === undefined ? {} : { cwd: this.options.cwd }),
        onOutput: (chunk) => {
          const text = streams[chunk.stream]!.push(chunk.text);
          if (text === '') return;
          pending.push({ stream: chunk.stream, text, at: chunk.at });
          evidence?.add(text);
        },
      });
    } finally {
      clearInterval(timer);
    }
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = streams[stream]!.flush();
      if (rest === '') continue;
      pending.push({ stream, text: rest, at: new Date() });
      evidence?.add(rest);
    }
    flush();
    await writing;
    // Only a step that ran to its end is judged: a timeout or a cancel says enough.
    const verification: Verification | null = job.condition === null || evidence === null || result.outcome !== 'exited'
      ? null
      : checkSuccessCondition(job.condition, { exitCode: result.exitCode, output: evidence.text() });
    const status = await recordStepFinished(this.db, job, result, verification);
    if (status === 'succeeded' && job.verifiesRun) {
      await concludeVerifiedRun(this.db, job.runId).catch((error: unknown) => this.options.onError(error, job));
    }
    job.onFinished?.(status === 'succeeded');
  }
}

/** Keeps the first `maxChars` characters of a step's output, for checking its success condition. */
class EvidenceBuffer {
  private readonly parts: string[] = [];
  private length = 0;
  constructor(private readonly maxChars: number) {}

  add(text: string): void {
    if (this.length >= this.maxChars) return;
    const kept = text.slice(0, this.maxChars - this.length);
    this.parts.push(kept);
    this.length += kept.length;
  }

  text(): string {
    return this.parts.join('');
  }
}

const cancelledBeforeStart: ShellProcessResult = {
  exitCode: null, signal: null, durationMs: 0, outcome: 'cancelled', error: null, stdoutBytes: 0, stderrBytes: 0, truncatedBytes: 0,
};
