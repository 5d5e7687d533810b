import type { ExecutionStatus } from '../execution/run-model.js';
import type { RiskLevel } from '../runbooks/runbook-model.js';

/** A step of a run; `title` is null for a step its runbook left untitled. */
type StepRef = { runId: string; executionId: string; stepId: string };

/** A step asked for; `command` is the preview with secrets masked; `reason` stored only when given. */
type StepRequest = StepRef & { title: string | null; risk: RiskLevel; command: string; reason?: string };

/** A destructive step's approval or refusal, with the approver's reason. */
type StepDecision = StepRef & { reason: string; command: string };

/** A manual step done or skipped, with what the responder wrote. */
type StepOutcome = StepRef & { title: string | null; note: string };

/**
 * The payloads of the events runbook runs add: a run's start and end, each step asked for,
 * decided, run (its output as it comes, its end) or checked by hand. Output and ends are written
 * by the runner protocol and the sweeps as well as by requests, in batches (`appendIncidentEvents`).
 */
export type RunPayloads = {
  run_started: { runId: string; runbookId: string; runbookVersion: number; title: string };
  /** `automatic` when the run verified itself (its last verification step passed). */
  run_ended: {
    runId: string;
    runbookId: string;
    outcome: 'verified' | 'failed' | 'abandoned';
    note: string | null;
    automatic?: true;
  };
  section_run_started: { runId: string; section: string; stepIds: string[]; continueOnFailure: boolean };
  step_started: StepRequest;
  step_approval_requested: StepRequest;
  step_approved: StepDecision;
  step_refused: StepDecision;
  step_checked: StepOutcome;
  step_skipped: StepOutcome;
  /** A batch of redacted output, in order. */
  step_output: {
    executionId: string;
    stepId: string;
    output: { stream: 'stdout' | 'stderr'; text: string }[];
  };
  /**
   * A step's end. A step swept as interrupted has no exit code nor duration; the other optional
   * fields are stored only when they say something.
   */
  step_finished: {
    executionId: string;
    stepId: string;
    status: ExecutionStatus;
    exitCode?: number | null;
    durationMs?: number;
    error?: string;
    reason?: string;
    runner?: string;
    verification?: { passed: boolean; detail: string };
  };
  steps_skipped: { executionIds: string[]; stepIds: string[]; reason: string };
};
