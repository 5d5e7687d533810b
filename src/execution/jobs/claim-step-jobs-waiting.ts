import type { Ctx } from '../../core/context.js';
import type { ExecutionServices } from '../execute-step.js';
import { claimStepJobs } from './claim-step-jobs.js';
import type { StepJobPayload } from './step-job-payload.js';

/** How often a waiting claim looks again for steps queued on other nodes (this node's wake it at once). */
const crossNodeLookMs = 500;

/**
 * A runner's long poll: claims at once what there is, else waits up to `waitMs` for a step to be
 * queued — woken immediately by this node's requests, and looking again every half second for
 * other nodes' — and returns as soon as it has some. Returns empty at the deadline or when the
 * node shuts down.
 */
export async function claimStepJobsWaiting({ ctx, input, services, gone }: {
  ctx: Ctx;
  input: { runnerId: string; max: number; waitMs: number };
  services: ExecutionServices;
  /** Aborted when the runner's connection closes: a dead runner's waiting claim must take nothing. */
  gone: AbortSignal;
}): Promise<StepJobPayload[]> {
  const deadline = Date.now() + input.waitMs;
  const { signal } = services.jobs;
  for (;;) {
    if (gone.aborted) return [];
    const seen = signal.generation;
    const jobs = await claimStepJobs({ ctx, input, services, gone });
    const left = deadline - Date.now();
    if (jobs.length > 0 || left <= 0 || signal.isClosed || gone.aborted) return jobs;
    await signal.wait(Math.min(left, crossNodeLookMs), seen);
  }
}
