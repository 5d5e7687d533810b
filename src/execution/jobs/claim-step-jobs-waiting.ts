import type { Ctx } from '../../core/context.js';
import type { ExecutionServices } from '../execute-step.js';
import { claimStepJobs } from './claim-step-jobs.js';
import type { StepJobPayload } from './step-job-payload.js';
import type { StepJobServices } from './step-job-services.js';

/** How often a waiting claim looks again for steps queued on other nodes (this node's wake it at once). */
const crossNodeLookMs = 500;

/**
 * A runner's long poll: claims at once what there is, else waits up to `waitMs` for a step to be
 * queued — woken immediately by this node's requests, and looking again every half second for
 * other nodes' — and returns as soon as it has some. Returns empty at the deadline or when the
 * node shuts down.
 *
 * A runner claims again as soon as it has taken a step. When its last look found all there was
 * and nothing was queued on this node since, a look now would find nothing this node knows of:
 * the claim waits instead, and looks at the next wake-up or at the half-second look for other
 * nodes' steps — one query fewer per step a runner runs.
 */
export async function claimStepJobsWaiting({
  ctx,
  input,
  services,
  gone,
}: {
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
    const quiet = quietFor(services.jobs, input.runnerId, seen);
    if (quiet > 0 && deadline - Date.now() > 0 && !signal.isClosed) {
      await signal.wait(Math.min(deadline - Date.now(), quiet), seen);
      continue;
    }
    const { jobs, exhausted } = await claimStepJobs({ ctx, input, services, gone });
    rememberLook(services.jobs, input.runnerId, exhausted ? { generation: seen, at: Date.now() } : null);
    const left = deadline - Date.now();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the runner may have gone during the claim: TypeScript keeps the narrowing of the loop's first test across the await
    if (jobs.length > 0 || left <= 0 || signal.isClosed || gone.aborted) return jobs;
    await signal.wait(Math.min(left, crossNodeLookMs), seen);
  }
}

/** How long a look by this runner would find nothing new: its last one found all there was, at this generation, under half a second ago. */
function quietFor(node: StepJobServices, runnerId: string, generation: number): number {
  const last = node.looks.get(runnerId);
  if (last === undefined || last.generation !== generation) return 0;
  return Math.max(0, last.at + crossNodeLookMs - Date.now());
}

function rememberLook(node: StepJobServices, runnerId: string, look: { generation: number; at: number } | null): void {
  node.looks.delete(runnerId);
  if (look === null) return;
  // Runner ids are chosen per runner start: the oldest forgotten past 1,000.
  if (node.looks.size >= 1000) node.looks.delete(node.looks.keys().next().value!);
  node.looks.set(runnerId, look);
}
