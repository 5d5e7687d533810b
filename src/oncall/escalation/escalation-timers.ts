import { timerKinds } from '../../jobs/timer-kinds.js';

/** One level of one cycle of one generation of an incident's escalation. */
export interface EscalateStep {
  incidentId: string;
  generation: number;
  cycle: number;
  /** 0-based index into the policy's levels. */
  level: number;
}

/** Deterministic: scheduling a level twice (a retry, two nodes) makes one timer. */
export function escalateTimerId(step: EscalateStep): string {
  return `escalate:${step.incidentId}:g${step.generation}:c${step.cycle}:l${step.level}`;
}

export const escalationTimerKinds = { opened: timerKinds.incidentOpened, escalate: timerKinds.escalate } as const;
