import { systemCtx, type Ctx } from '../core/context.js';
import type { StepJobServices } from '../execution/jobs/step-job-services.js';
import { sweepStepJobs } from '../execution/jobs/sweep-step-jobs.js';
import type { Database } from '../storage/database.js';
import { JobLoop, type JobErrorSink } from './job-loop.js';

/**
 * The timed side of step jobs, on every node, once per heartbeat period: steps whose runner went
 * silent are declared interrupted, steps no runner took in time end, and when that lets a
 * section's next step go, this node's waiting runners are woken.
 */
export function createStepJobSweep(options: {
  db: Database;
  now: () => Date;
  jobs: StepJobServices;
  onError: JobErrorSink;
}): JobLoop {
  const ctx: Ctx = systemCtx(options.db, options.now, 'step-job-sweep');
  const { jobs } = options;
  return new JobLoop(
    'step-job-sweep',
    jobs.heartbeatMs,
    async () => {
      if (await sweepStepJobs(ctx, { staleAfterMs: jobs.staleAfterMs, queueTimeoutMs: jobs.queueTimeoutMs }))
        jobs.signal.notify();
    },
    options.onError,
  );
}
