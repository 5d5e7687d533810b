import { Type, type Static } from 'typebox';
import type { CreateProbeInput } from '../probe-input.js';
import { probeKindNames, type ProbeTarget } from '../probe-kinds.js';

/** The step a suggestion was read from: section title, step id (`s3`), source line, the command as written. */
export const SuggestionSourceSchema = Type.Object({
  section: Type.String(),
  step: Type.String(),
  line: Type.Optional(Type.Integer({ minimum: 1 })),
  code: Type.String(),
});
export type SuggestionSource = Static<typeof SuggestionSourceSchema>;

/** A probe target whose port may still be a step's placeholder as written (`nc -z db $PORT`). */
export type SuggestedTarget = LoosePort<ProbeTarget>;
type LoosePort<T> = T extends { port: number } ? Omit<T, 'port'> & { port: number | string } : T;

/**
 * A probe proposed from a check a runbook does by hand: the fields of `CreateProbeInput` (not
 * saved), where it came from, what is missing before it can be created (`needs`: step parameters
 * left as written, such as `host` for `{{ host }}`, or a credential the runbook does not give),
 * and what a reviewer should know (`notes`).
 */
export type ProbeSuggestion = Omit<CreateProbeInput, 'target'> & {
  target: SuggestedTarget;
  source: SuggestionSource;
  needs: string[];
  notes: string[];
};

/**
 * The answer's schema. Targets are loose on purpose: an incomplete suggestion keeps its
 * placeholders (`http://{{ host }}/health` is not a URI yet), and it is the creation that checks.
 */
export const ProbeSuggestionSchema = Type.Object(
  {
    name: Type.String(),
    target: Type.Object({ kind: Type.Enum(probeKindNames) }, { additionalProperties: true }),
    conditions: Type.Optional(Type.Array(Type.String())),
    severity: Type.Optional(Type.String()),
    labels: Type.Optional(Type.Record(Type.String(), Type.String())),
    timeoutMs: Type.Optional(Type.Integer()),
    enabled: Type.Optional(Type.Boolean()),
    source: SuggestionSourceSchema,
    needs: Type.Array(Type.String()),
    notes: Type.Array(Type.String()),
  },
  { title: 'ProbeSuggestion' },
);

export const ProbeSuggestionsSchema = Type.Object({
  runbookId: Type.String(),
  version: Type.Integer(),
  suggestions: Type.Array(ProbeSuggestionSchema),
});
export type ProbeSuggestions = { runbookId: string; version: number; suggestions: ProbeSuggestion[] };

/** What one command of a step says to probe, before it is named and placed in the answer. */
export interface CommandProbe {
  target: SuggestedTarget;
  conditions: string[];
  /** What the probe is about, for its name: `api.example.com/health`, `tcp db:5432`. */
  label: string;
  needs: string[];
  notes: string[];
  timeoutMs?: number;
  /** False for requests that may change something (a POST): created paused, for review. */
  enabled?: boolean;
  /** Credentials written out in the command, not copied: masked in `source.code` too. */
  withheld?: string[];
}
