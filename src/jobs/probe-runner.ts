import type { RunbookCatalogue } from '../alerts/pipeline/runbook-catalogue.js';
import { systemCtx, type Ctx } from '../core/context.js';
import { checkProbe, type ProbeVerdict } from '../probes/check-probe.js';
import { openProbeTarget } from '../probes/probe-secrets.js';
import { claimProbes, releaseProbes, type ClaimedProbe } from '../probes/runner/claimed-probe.js';
import { decideProbeCheck, type CheckDecision } from '../probes/runner/decide-probe-check.js';
import { pruneProbeHistory } from '../probes/runner/prune-probe-history.js';
import { recordProbeChecks } from '../probes/runner/record-probe-checks.js';
import type { Database } from '../storage/database.js';
import { JobLoop, type JobErrorSink } from './job-loop.js';

export interface ProbeRunnerOptions {
  db: Database;
  catalogue: RunbookCatalogue;
  now: () => Date;
  tickMs: number;
  /** Checks in flight at once on this node. */
  concurrency: number;
  secretKey: Uint8Array | null;
  prometheusUrl: string | null;
  historyHours: number;
  onError: JobErrorSink;
  /** Told of every check written (tests, metrics). */
  onChecked?: (decisions: readonly CheckDecision[]) => void;
  /** Told how late each check starts after its slot, in seconds (metrics). */
  onLate?: (seconds: number) => void;
}

/** How often old results are pruned (any node; the delete is idempotent). */
const pruneEveryMs = 10 * 60_000;

/**
 * Runs due probes on this node. Every tick it claims what is due (up to its free slots), starts
 * their checks, and writes the checks finished since the last tick in one transaction. Checks run
 * concurrently and never block the tick; the writes are one at a time. Errors are reported, never
 * thrown out of the timer. `stop()` cancels checks in flight, hands their probes back (another
 * node checks them at once) and waits for the last write. The ticks are a `JobLoop`.
 */
export class ProbeRunner {
  private stopped = true;
  private readonly loop: JobLoop;
  private readonly inFlight = new Map<string, { probe: ClaimedProbe; abort: AbortController; done: Promise<void> }>();
  private finished: CheckDecision[] = [];
  private lastPrune = 0;
  private readonly ctx: Ctx;

  constructor(private readonly options: ProbeRunnerOptions) {
    this.ctx = systemCtx(options.db, options.now, 'probe-runner');
    this.loop = new JobLoop('probe-runner', options.tickMs, () => this.tick(), options.onError);
  }

  start(): void {
    this.stopped = false;
    this.loop.start();
  }

  /** One tick now: write finished checks, claim and start due ones (tests, and waiting for work). */
  runOnce(): Promise<void> {
    return this.loop.runOnce();
  }

  /** Waits until the checks in flight now are finished and written (tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight.values()].map((entry) => entry.done));
    await this.runOnce();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop.stop();
    const cancelled = [...this.inFlight.values()];
    for (const entry of cancelled) entry.abort.abort();
    await Promise.all(cancelled.map((entry) => entry.done));
    // A check cut short says nothing of the target: its probe goes back, unchecked.
    const cancelledIds = new Set(cancelled.map((entry) => entry.probe.id));
    this.finished = this.finished.filter((decision) => !cancelledIds.has(decision.probe.id));
    try {
      await this.flush();
      await releaseProbes(
        this.options.db,
        cancelled.map((entry) => entry.probe),
      );
    } catch (error) {
      this.options.onError(error, 'probe-runner');
    }
  }

  private async tick(): Promise<void> {
    await this.flush();
    if (this.stopped) return;
    const free = this.options.concurrency - this.inFlight.size;
    if (free > 0) for (const probe of await claimProbes(this.options.db, this.options.now(), free)) this.launch(probe);
    if (Date.now() - this.lastPrune > pruneEveryMs) {
      this.lastPrune = Date.now();
      await pruneProbeHistory(this.options.db, this.options.now(), this.options.historyHours);
    }
  }

  private launch(probe: ClaimedProbe): void {
    const abort = new AbortController();
    const startedAt = this.options.now();
    this.options.onLate?.(Math.max(0, startedAt.getTime() - probe.scheduledAt.getTime()) / 1000);
    const done = this.check(probe, abort.signal)
      .then((verdict) => {
        if (!abort.signal.aborted) this.finished.push(decideProbeCheck(probe, verdict, startedAt, this.options.now()));
      })
      .catch((error: unknown) => this.options.onError(error, `probe ${probe.id}`))
      .finally(() => this.inFlight.delete(probe.id));
    this.inFlight.set(probe.id, { probe, abort, done });
  }

  /** Opens the probe's credentials and checks it; a probe that cannot be checked fails, saying why. */
  private async check(probe: ClaimedProbe, signal: AbortSignal): Promise<ProbeVerdict> {
    try {
      const target = openProbeTarget(probe.target, probe.id, this.options.secretKey);
      return await checkProbe(
        { target, conditions: probe.conditions, prometheusUrl: this.options.prometheusUrl },
        { timeoutMs: probe.timeoutMs, signal },
      );
    } catch (error) {
      return {
        passed: false,
        latencyMs: 0,
        detail: error instanceof Error ? error.message : String(error),
        conditions: [],
        values: {},
      };
    }
  }

  private async flush(): Promise<void> {
    if (this.finished.length === 0) return;
    const batch = this.finished;
    this.finished = [];
    try {
      const written = await recordProbeChecks(this.ctx, batch, this.options.catalogue);
      this.options.onChecked?.(written);
    } catch (error) {
      // Not written: the leases run out and the probes are checked again (their slots are unchanged).
      this.options.onError(error, 'probe-runner');
    }
  }
}
