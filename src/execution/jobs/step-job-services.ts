import { randomBytes } from 'node:crypto';
import { ChangeSignal } from '../../live/change-signal.js';
import { RunbookStructures } from '../../runbooks/runbook-structures.js';
import type { Redactor } from '../redaction/create-redactor.js';
import { ExecutionChanges } from './execution-changes.js';

/** What the server side of step jobs needs on a node: sealing, wake-ups and timing. */
export interface StepJobServices {
  /** This node, as it appears in `step_executions.node_id` and `sealed_by`. */
  nodeId: string;
  /**
   * Seals parameter values between a request and a runner's claim: ASTREINTE_SECRET_KEY when
   * set (any node can then hand the step out), else a key that lives in this process only
   * (`shared: false`), so only this node can — values are never stored in the clear.
   */
  sealing: { key: Buffer; shared: boolean };
  /**
   * Wakes the runners' claim requests waiting on this node as soon as a step becomes claimable
   * here (queued, approved, next in its chain), so a step starts within milliseconds instead of at
   * the next poll. Steps queued on other nodes are found by the waiters' own periodic look (see
   * `claimStepJobsWaiting`). Closed at shutdown, which releases every waiter.
   */
  signal: ChangeSignal;
  /** Wakes this node's event streams when a step's output or status changes here. */
  changes: ExecutionChanges;
  /** How often runners beat; a runner or step silent for `staleAfterMs` is gone. */
  heartbeatMs: number;
  staleAfterMs: number;
  /** A step no runner claimed within this time ends as cancelled, saying why. */
  queueTimeoutMs: number;
  maxOutputBytes: number;
  /** The server's own pass over output the runners send (they redact first), per execution. */
  redactors: Map<string, Redactor>;
  /** Runbook versions' structures, read once per process: a step's execute, claim and end each need its runbook's. */
  structures: RunbookStructures;
  /** Per runner, its last claim that found all there was: when, and at which signal generation. */
  looks: Map<string, { generation: number; at: number }>;
}

export function createStepJobServices(options: {
  nodeId: string;
  secretKey: Buffer | null;
  heartbeatMs: number;
  queueTimeoutMs: number;
  maxOutputBytes: number;
}): StepJobServices {
  return {
    nodeId: options.nodeId,
    sealing:
      options.secretKey === null ? { key: randomBytes(32), shared: false } : { key: options.secretKey, shared: true },
    signal: new ChangeSignal(),
    changes: new ExecutionChanges(),
    heartbeatMs: options.heartbeatMs,
    staleAfterMs: options.heartbeatMs * 5,
    queueTimeoutMs: options.queueTimeoutMs,
    maxOutputBytes: options.maxOutputBytes,
    redactors: new Map(),
    structures: new RunbookStructures(),
    looks: new Map(),
  };
}

/** Keeps the server's redactor of an execution on this node, the oldest dropped past 1,000 (interrupted steps never say goodbye). */
export function rememberRedactor(
  node: Pick<StepJobServices, 'redactors'>,
  executionId: string,
  redactor: Redactor,
): void {
  if (node.redactors.size >= 1000) node.redactors.delete(node.redactors.keys().next().value!);
  node.redactors.set(executionId, redactor);
}
