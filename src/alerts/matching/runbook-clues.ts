import type { Symptom } from '../../runbooks/runbook-model.js';
import { readPromql } from './promql-parts.js';
import { contentWords, tokenize } from './text-tokens.js';

/** A runbook as runbook matching needs it. */
export interface RunbookCandidate {
  id: string;
  title: string;
  symptoms: readonly Symptom[];
  /** Service names the runbook is about (its metadata, or the catalogue's). */
  services: readonly string[];
  /** Names and PromQL expressions of the alert rules the runbook's drafts hold; may be empty. */
  alertNames: readonly string[];
}

/** A literal clue and how it is looked for; `text` is what `matched` reports. */
export type Clue =
  | { kind: 'phrase'; text: string; tokens: readonly string[]; strong: boolean }
  | { kind: 'metric'; text: string; name: string }
  | { kind: 'selector'; text: string; pairs: readonly { name: string; value: string }[] }
  | { kind: 'status'; text: string; code: string }
  | { kind: 'path'; text: string; path: string }
  | { kind: 'rule'; text: string; words: readonly string[] };

/** What of a runbook can be found in an alert. */
export interface RunbookClues {
  clues: readonly Clue[];
  titleWords: readonly string[];
  /** Words of the symptoms' prose that are not already title words. */
  proseWords: readonly string[];
  /** Lower case. */
  services: readonly string[];
}

/** Error names read as one strong word: `ECONNREFUSED`, `TimeoutError`, `NullPointerException`. */
const errorName = /^(?:E[A-Z]{4,}|[A-Z][A-Za-z]*(?:Error|Exception))$/;
const httpStatus = /^[1-5](?:\d\d|xx)$/i;
/** A rule's condition (`> 10 minutes`, `== 0`): thresholds are not words to find. */
const condition = /\s*(?:[<>]=?|[=!]=)[\s\S]*$/;

const cache = new WeakMap<RunbookCandidate, RunbookClues>();

/** The clues of a runbook, read once per candidate object (the catalogue is matched against every alert). */
export function readRunbookClues(runbook: RunbookCandidate): RunbookClues {
  const cached = cache.get(runbook);
  if (cached !== undefined) return cached;
  const clues = new Map<string, Clue>();
  const add = (clue: Clue): void => {
    // A rule is often listed by name and by expression (`memory > 85%`, `Si memory > 85% pendant 5 min`): one clue.
    const key = `${clue.kind}:${clue.kind === 'phrase' ? clue.tokens.join(' ') : clue.kind === 'rule' ? clue.words.join(' ') : clue.text.toLowerCase()}`;
    if (!clues.has(key)) clues.set(key, clue);
  };
  for (const term of runbook.symptoms.flatMap((symptom) => symptom.terms)) readTerm(term.trim(), add);
  for (const name of runbook.alertNames) readRuleName(name.trim(), add);
  const titleWords = contentWords(tokenize(runbook.title));
  const titleSet = new Set(titleWords);
  const proseWords = contentWords(runbook.symptoms.flatMap((symptom) => tokenize(symptom.text))).filter(
    (word) => !titleSet.has(word),
  );
  const result = {
    clues: [...clues.values()],
    titleWords,
    proseWords,
    services: [...new Set(runbook.services.map((service) => service.toLowerCase()))],
  };
  cache.set(runbook, result);
  return result;
}

/** A symptom term: an HTTP status, a URL path, PromQL, or a phrase (strong when several words or an error name). */
function readTerm(term: string, add: (clue: Clue) => void): void {
  if (httpStatus.test(term)) return add({ kind: 'status', text: term, code: term.toLowerCase() });
  // A URL path is looked for as written: its words alone (`api`) are in every other label value.
  if (/^\/\S*$/.test(term)) return add({ kind: 'path', text: term, path: term.toLowerCase() });
  if (readPromqlClues(term, add)) return;
  const tokens = tokenize(term);
  if (contentWords(tokens).length === 0) return;
  add({ kind: 'phrase', text: term, tokens, strong: tokens.length >= 2 || errorName.test(term) });
}

/** An alert rule: its metrics and selectors when it is PromQL, else the words of its name without the condition. */
function readRuleName(name: string, add: (clue: Clue) => void): void {
  if (name === '' || readPromqlClues(name, add)) return;
  const words = contentWords(tokenize(name.replace(condition, '')));
  if (words.length > 0) add({ kind: 'rule', text: name, words });
}

/** Adds the metric names and selectors of a PromQL text; false when the text is not PromQL. */
function readPromqlClues(text: string, add: (clue: Clue) => void): boolean {
  const parts = readPromql(text);
  if (parts === null) return false;
  for (const metric of parts.metrics) add({ kind: 'metric', text: metric, name: metric });
  if (parts.selectors.length > 0) {
    const written = parts.selectors.map(({ name, value }) => `${name}="${value}"`).join(', ');
    add({ kind: 'selector', text: `{${written}}`, pairs: parts.selectors });
  }
  return true;
}
