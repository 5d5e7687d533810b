import { randomBytes } from 'node:crypto';
import { RunbookStructures } from '../../runbooks/runbook-structures.js';
import type { Redactor } from '../redaction/create-redactor.js';
import { ExecutionChanges } from './execution-changes.js';
import { StepJobSignal } from './step-job-signal.js';

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
  signal: StepJobSignal;
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
    signal: new StepJobSignal(),
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
