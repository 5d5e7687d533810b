import { Type, type Static } from 'typebox';
import type { RunbookStructure, Section, Step } from '../runbook-model.js';

export const lintRules = [
  'no-verification',
  'destructive-without-diagnosis',
  'parameter-unexplained',
  'inline-secret',
  'placeholder-contact',
  'unknown-service',
] as const;

export const LintFindingSchema = Type.Object(
  {
    rule: Type.Enum(lintRules),
    severity: Type.Enum(['error', 'warning']),
    runbookId: Type.Optional(Type.String()),
    stepId: Type.Optional(Type.String()),
    /** Line of the repaired source the finding points at. */
    line: Type.Integer(),
    message: Type.String(),
  },
  { title: 'LintFinding' },
);
/** One problem lint found; `error` findings fail `astreinte runbook lint`. */
export type LintFinding = Static<typeof LintFindingSchema>;

/** What the rules may look at besides the runbook. */
export interface LintContext {
  /** The service catalogue (ids and names); null when it is not known (offline lint), which turns unknown-service off. */
  services: readonly { id: string; name: string }[] | null;
}

/** A finding as a rule reports it: the runbook id is added by the entry points. */
export type RuleFinding = Omit<LintFinding, 'runbookId'>;

/** One rule over one runbook. */
export type RunbookRule = (runbook: RunbookStructure, context: LintContext) => RuleFinding[];

/** Every step of a runbook in reading order, with the section holding it. */
export function stepsOf(runbook: RunbookStructure): { step: Step; section: Section }[] {
  return runbook.sections.flatMap((section) => section.steps.map((step) => ({ step, section })));
}

/** How a step is named in messages: its id and, when it has one, its title. */
export function stepLabel(step: Step): string {
  return step.title === null ? `step ${step.id}` : `step ${step.id} ("${step.title}")`;
}
