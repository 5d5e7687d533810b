import type { AlertText } from './alert-text.js';
import { labelValue } from './label-matchers.js';
import { matchWeights as weights } from './match-weights.js';
import type { Clue, RunbookClues } from './runbook-clues.js';
import { containsSequence, tokenize } from './text-tokens.js';

/** How many candidate runbooks use each word and name each service: shared evidence counts less. */
export interface ClueSpread {
  words: ReadonlyMap<string, number>;
  services: ReadonlyMap<string, number>;
}

/** The evidence an alert gives for one runbook, and the clues that gave it, strongest kinds first. */
export interface RunbookEvidence {
  evidence: number;
  matched: string[];
}

/** Counts, for a set of candidates, how many use each word (title, prose, one-word terms) and name each service. */
export function spreadOf(candidates: readonly RunbookClues[]): ClueSpread {
  const words = new Map<string, number>();
  const services = new Map<string, number>();
  for (const candidate of candidates) {
    const used = new Set([...candidate.titleWords, ...candidate.proseWords, ...candidate.clues.flatMap(oneWordOf)]);
    for (const word of used) words.set(word, (words.get(word) ?? 0) + 1);
    for (const service of candidate.services) services.set(service, (services.get(service) ?? 0) + 1);
  }
  return { words, services };
}

/** Weighs what the alert shows of a runbook's clues, title, symptoms and services (see `matchWeights`). */
export function scoreRunbook(alert: AlertText, runbook: RunbookClues, spread: ClueSpread): RunbookEvidence {
  let evidence = 0;
  const matched: string[] = [];
  const credit = (amount: number, what: string): void => {
    evidence += amount;
    if (!matched.includes(what)) matched.push(what);
  };
  const sharedBy = (word: string): number => spread.words.get(word) ?? 1;
  // Words of a term already found are that term's evidence: they are not counted a second time.
  const covered = new Set<string>();
  for (const clue of runbook.clues) {
    const amount = clueWeight(alert, clue, sharedBy);
    if (amount === 0) continue;
    credit(amount, clue.text);
    for (const token of coveredBy(clue)) covered.add(token);
  }
  const titleFound = runbook.titleWords.filter((word) => alert.words.has(word));
  for (const word of titleFound) if (!covered.has(word)) credit(weights.titleWord / sharedBy(word), word);
  if (titleFound.length > 0 && titleFound.length === runbook.titleWords.length) {
    evidence += Math.min(weights.completeTitleWord * titleFound.length, weights.completeTitleCap);
  }
  let prose = 0;
  for (const word of runbook.proseWords) {
    if (!alert.words.has(word) || covered.has(word)) continue;
    prose += weights.proseWord / sharedBy(word);
    if (!matched.includes(word)) matched.push(word);
  }
  evidence += Math.min(prose, weights.proseCap);
  for (const service of runbook.services) {
    if (alert.services.has(service)) credit(weights.service / (spread.services.get(service) ?? 1), service);
  }
  return { evidence, matched };
}

function clueWeight(alert: AlertText, clue: Clue, sharedBy: (word: string) => number): number {
  switch (clue.kind) {
    case 'phrase': {
      if (!alert.fields.some((field) => containsSequence(field, clue.tokens))) return 0;
      if (clue.strong) return weights.strongTerm;
      return clue.tokens.length === 1 ? weights.weakTerm / sharedBy(clue.tokens[0]!) : weights.weakTerm;
    }
    case 'metric':
      return alert.identifiers.has(clue.name) ? weights.strongTerm : 0;
    case 'selector':
      return clue.pairs.every(({ name, value }) => labelValue(alert.labels, name) === value) ? weights.selector : 0;
    case 'status':
      return alert.statuses.has(clue.code) ? weights.weakTerm : 0;
    case 'path':
      return alert.raw.includes(clue.path) ? weights.weakTerm : 0;
    case 'rule':
      return ruleWeight(alert, clue.words);
  }
}

/** An alert rule: named by the `alertname` itself, or its words all found in the alert. */
function ruleWeight(alert: AlertText, words: readonly string[]): number {
  const name = alert.alertNameWords;
  if (name.length === words.length && words.every((word) => name.includes(word))) return weights.alertRuleName;
  if (!words.every((word) => alert.words.has(word))) return 0;
  return words.length >= 2 ? weights.strongTerm : weights.weakTerm;
}

/** The word of a weak one-word term, which counts like a title word. */
function oneWordOf(clue: Clue): string[] {
  return clue.kind === 'phrase' && !clue.strong && clue.tokens.length === 1 ? [clue.tokens[0]!] : [];
}

/** The words a found clue stands for. */
function coveredBy(clue: Clue): readonly string[] {
  if (clue.kind === 'phrase') return clue.tokens;
  if (clue.kind === 'rule') return clue.words;
  if (clue.kind === 'metric') return tokenize(clue.name);
  if (clue.kind === 'status') return [clue.code];
  if (clue.kind === 'path') return tokenize(clue.path);
  return [];
}
