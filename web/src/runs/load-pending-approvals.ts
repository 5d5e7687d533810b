import { listIncidentRuns, loadRunbookVersion, type Run, type RunbookDetail, type StepExecution } from './runs-api';

/** One destructive step waiting for approval, with the names a person recognises it by. */
export interface PendingApproval {
  runId: string;
  execution: StepExecution;
  runbookTitle: string;
  stepTitle: string;
}

/** What the top of the incident page shows: the requests still waiting, and the one a link named. */
export interface PendingApprovals {
  pending: PendingApproval[];
  /** The status of the request named by `?approval=`, when it is no longer waiting (null otherwise). */
  followedStatus: StepExecution['status'] | null;
}

/**
 * Reads the incident's runs and keeps the executions awaiting approval, oldest request first,
 * each named by its step's title (read from the runbook version the run follows; each version
 * read once). `followed` is the execution a message's link points to.
 */
export async function loadPendingApprovals(incidentId: string, followed: string | null): Promise<PendingApprovals> {
  const runs = await listIncidentRuns(incidentId);
  const waiting = runs.flatMap((run) =>
    run.executions
      .filter((execution) => execution.status === 'awaiting-approval')
      .map((execution) => ({ run, execution })),
  );
  waiting.sort((a, b) => Date.parse(a.execution.requestedAt) - Date.parse(b.execution.requestedAt));
  const versions = new Map<string, Promise<RunbookDetail>>();
  const runbookOf = (run: Run): Promise<RunbookDetail> => {
    const key = `${run.runbookId}@${run.runbookVersion}`;
    const known = versions.get(key);
    if (known !== undefined) return known;
    const loading = loadRunbookVersion(run.runbookId, run.runbookVersion);
    versions.set(key, loading);
    return loading;
  };
  const pending = await Promise.all(
    waiting.map(async ({ run, execution }) => {
      const runbook = await runbookOf(run);
      const step = runbook.structure.sections
        .flatMap((section) => section.steps)
        .find((candidate) => candidate.id === execution.stepId);
      return { runId: run.id, execution, runbookTitle: runbook.title, stepTitle: step?.title ?? execution.stepId };
    }),
  );
  const target = followed === null ? undefined : runs.flatMap((run) => run.executions).find((e) => e.id === followed);
  return {
    pending,
    followedStatus: target === undefined || target.status === 'awaiting-approval' ? null : target.status,
  };
}
