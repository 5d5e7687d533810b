import type { RunnerSettings } from '../execution/jobs/register-runner.js';
import type { StepJobPayload } from '../execution/jobs/step-job-payload.js';
import type { ShellLauncher } from '../execution/process/run-shell-process.js';
import { RunnerApiError, type RunnerApi, type RunnerInfo } from './runner-api.js';
import { runStepJob } from './run-step-job.js';

/** Where a runner says what happens to it; never output text, never secrets. */
export interface RunnerLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface RunnerOptions {
  api: RunnerApi;
  info: RunnerInfo;
  /** Starts shell steps in the sandbox; none: unconfined (only with `--sandbox none`). */
  launch?: ShellLauncher;
  cwd?: string;
  log: RunnerLog;
  /** How long one claim waits on the server for a step (a long poll). */
  claimWaitMs?: number;
  /** The clock that stamps steps' output (the system clock by default). */
  now?: () => Date;
}

/**
 * A runner: registers, then claims steps (long poll) while it has free slots, runs each (see
 * `runStepJob`), and beats twice per heartbeat period with the steps it runs — the answer names
 * those to kill (cancelled, or declared interrupted). A lost server is waited for, with growing
 * pauses; a revoked token (401) ends the runner, its steps killed. `stop()` stops claiming and
 * waits for the steps in hand, cancelling them when asked.
 */
export class Runner {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private settings: RunnerSettings | null = null;
  private stopping = false;
  private cancelling = false;
  private slotFreed: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private claiming: Promise<void> = Promise.resolve();
  private ended!: () => void;
  /** Abandons the claim waiting on the server when the runner stops. */
  private readonly claimAbort = new AbortController();
  /** Once stopping, reports failing on the network are tried again until then only (else ten minutes each). */
  private retryDeadline = Number.POSITIVE_INFINITY;
  /** Resolves when the runner has stopped (asked to, or its token was revoked). */
  readonly done: Promise<void> = new Promise((resolve) => (this.ended = resolve));
  private fatal: string | null = null;

  constructor(private readonly options: RunnerOptions) {}

  /** Registers (waiting for the server if it is not up yet), then works in the background. */
  async start(): Promise<void> {
    await this.register();
    this.beat();
    this.claiming = this.claimLoop();
  }

  /** Why the runner ended on its own, if it did (a revoked token). */
  get failure(): string | null {
    return this.fatal;
  }

  async stop({ cancel }: { cancel: boolean }): Promise<void> {
    this.stopping = true;
    this.cancelling ||= cancel;
    this.retryDeadline = Date.now() + stopRetryMs;
    this.claimAbort.abort();
    this.slotFreed?.();
    if (cancel) for (const entry of this.running.values()) entry.controller.abort();
    await this.claiming;
    await Promise.all([...this.running.values()].map((entry) => entry.done));
    if (this.heartbeat !== null) clearTimeout(this.heartbeat);
    if (this.fatal === null) await this.options.api.deregister().catch(() => undefined);
    this.ended();
  }

  private async register(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt += 1) {
      try {
        this.settings = await this.options.api.register(this.options.info);
        if (attempt > 0) this.options.log.info('runner registered again', { runner: this.options.api.runnerId });
        return;
      } catch (error) {
        if (error instanceof RunnerApiError && error.status === 401) return this.die(error.message);
        if (error instanceof RunnerApiError && error.status < 500) throw error;
        if (attempt === 0)
          this.options.log.warn('server not reachable; trying again', { error: (error as Error).message });
        await pause(Math.min(10_000, 250 * 2 ** attempt));
      }
    }
  }

  private async claimLoop(): Promise<void> {
    for (let failures = 0; !this.stopping;) {
      const free = this.options.info.capacity - this.running.size;
      if (free <= 0) {
        await new Promise<void>((resolve) => (this.slotFreed = resolve));
        continue;
      }
      try {
        const jobs = await this.options.api.claim(free, this.options.claimWaitMs ?? 25_000, this.claimAbort.signal);
        failures = 0;
        // Claimed as the runner stops: started and, when stopping means cancelling, cancelled at
        // once, so each is reported as such rather than left to be declared interrupted.
        for (const job of jobs) this.launch(job);
        if (this.cancelling) for (const entry of this.running.values()) entry.controller.abort();
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may have run during the claim: TypeScript keeps the loop test's narrowing across the await
        if (this.stopping) return;
        failures += 1;
        await this.recover(error, failures);
      }
    }
  }

  /** After a failed call: re-register when the server forgot this runner, die on a revoked token, else wait. */
  private async recover(error: unknown, failures: number): Promise<void> {
    if (error instanceof RunnerApiError && error.status === 401) return this.die(error.message);
    if (error instanceof RunnerApiError && error.status === 409) return this.register();
    if (failures === 1)
      this.options.log.warn('cannot reach the server; trying again', { error: (error as Error).message });
    await pause(Math.min(10_000, 250 * 2 ** failures));
  }

  private launch(job: StepJobPayload): void {
    const controller = new AbortController();
    const done = runStepJob(job, {
      api: this.options.api,
      signal: controller.signal,
      onStop: () => controller.abort(),
      retryUntil: () => this.retryDeadline,
      ...(this.options.now === undefined ? {} : { now: this.options.now }),
      ...(this.options.launch === undefined ? {} : { launch: this.options.launch }),
      ...(this.options.cwd === undefined ? {} : { cwd: this.options.cwd }),
    })
      .then(
        (result) =>
          this.options.log.info('step ended', {
            executionId: job.executionId,
            outcome: result?.outcome ?? 'disowned',
            exitCode: result?.exitCode ?? null,
          }),
        (error: unknown) =>
          this.options.log.error('step failed on the runner', {
            executionId: job.executionId,
            error: (error as Error).message,
          }),
      )
      .finally(() => {
        this.running.delete(job.executionId);
        this.slotFreed?.();
        this.slotFreed = null;
      });
    this.running.set(job.executionId, { controller, done });
  }

  /** Beats at twice the server's rate, so a cancel reaches a step within half a period. */
  private beat(): void {
    const period = Math.max(50, Math.floor((this.settings?.heartbeatMs ?? 2000) / 2));
    this.heartbeat = setTimeout(() => {
      void this.options.api
        .heartbeat([...this.running.keys()])
        .then(
          (stop) => {
            for (const id of stop) this.running.get(id)?.controller.abort();
          },
          (error: unknown) => this.recover(error, 1),
        )
        .finally(() => {
          if (!this.stopping) this.beat();
        });
    }, period);
    this.heartbeat.unref();
  }

  private die(reason: string): void {
    this.fatal = reason;
    this.options.log.error("the server refused this runner's token: stopping, its steps killed", { reason });
    void this.stop({ cancel: true });
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How long reports are tried again once the runner stops with the server out of reach. */
const stopRetryMs = 5_000;
