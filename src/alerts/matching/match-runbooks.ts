import { readAlertText, type AlertForMatching } from './alert-text.js';
import { findExplicitRunbook } from './explicit-runbook.js';
import { defaultMatchLimit, defaultMinimumScore, scoreOf } from './match-weights.js';
import { readRunbookClues, type RunbookCandidate } from './runbook-clues.js';
import { scoreRunbook, spreadOf, type ClueSpread } from './score-runbook.js';

export type { AlertForMatching } from './alert-text.js';
export type { RunbookCandidate } from './runbook-clues.js';

/** One runbook suggested for an alert. */
export interface RunbookMatch {
  runbookId: string;
  /** 0..1; 1 only when the alert links to the runbook itself. */
  score: number;
  /** The terms and words of the runbook found in the alert (or the link naming it), strongest kinds first. */
  matched: string[];
  /** True when the alert names the runbook (`runbook_url` annotation, `runbook_id` label). */
  explicit: boolean;
}

/** How many suggestions, and how sure they must be. */
export interface MatchOptions {
  /** At most this many suggestions (default 5). */
  limit?: number;
  /** Runbooks scoring less are left out (default 0.3). */
  minimumScore?: number;
}

// The catalogue is one array matched against every alert: count how candidates share words once per
// array (so an array must not change once matched against; pass a new one).
const spreads = new WeakMap<readonly RunbookCandidate[], ClueSpread>();

/**
 * Ranks candidate runbooks for an alert, best first. A runbook the alert links to itself
 * (`runbook_url` annotation, `runbook`/`runbook_id` label: its id, a URL ending in
 * `/runbooks/<id>` or holding the id) comes first with score 1. The others are scored by the
 * evidence the alert's text (title, summary, description, label values, the alertname split on
 * CamelCase) gives for them: their symptoms' messages, error names, metrics and alert rules
 * most, the words of their title and symptoms less, a shared service a little; the weights are
 * `matchWeights`. Only runbooks scoring at least `minimumScore` are returned, at most `limit`.
 */
export function matchRunbooks(
  alert: AlertForMatching,
  runbooks: readonly RunbookCandidate[],
  options: MatchOptions = {},
): RunbookMatch[] {
  const limit = options.limit ?? defaultMatchLimit;
  const minimumScore = options.minimumScore ?? defaultMinimumScore;
  const explicit = findExplicitRunbook(
    alert,
    runbooks.map((runbook) => runbook.id),
  );
  const matches: RunbookMatch[] = [];
  if (explicit !== null)
    matches.push({ runbookId: explicit.runbookId, score: 1, matched: [explicit.value], explicit: true });
  let spread = spreads.get(runbooks);
  if (spread === undefined) {
    spread = spreadOf(runbooks.map(readRunbookClues));
    spreads.set(runbooks, spread);
  }
  const text = readAlertText(alert);
  const scored: RunbookMatch[] = [];
  for (const runbook of runbooks) {
    if (runbook.id === explicit?.runbookId) continue;
    const { evidence, matched } = scoreRunbook(text, readRunbookClues(runbook), spread);
    const score = scoreOf(evidence);
    if (score >= minimumScore) scored.push({ runbookId: runbook.id, score: round(score), matched, explicit: false });
  }
  scored.sort((a, b) => (b.score !== a.score ? b.score - a.score : a.runbookId.localeCompare(b.runbookId)));
  return [...matches, ...scored].slice(0, Math.max(0, limit));
}

/** Three decimals, enough to rank and stable to store; never 1, which is for explicit links. */
function round(score: number): number {
  return Math.min(0.999, Math.round(score * 1000) / 1000);
}
