/**
 * How much each kind of evidence counts when ranking runbooks for an alert. Evidence adds up,
 * and the score is `1 − e^(−evidence)`: it grows with every clue but never reaches 1, which
 * only a runbook the alert links to itself gets. One strong clue scores 0.63, two 0.86; a
 * runbook needs `defaultMinimumScore` (0.3, about 0.36 of evidence) to be suggested at all.
 *
 * The literal clues a runbook author wrote for machines and log readers — the symptoms' quoted
 * messages, code spans, error names, metric names and alert rules — weigh most: they rarely
 * turn up by chance. Words of the title and of the symptoms' prose weigh less, and are divided
 * by the number of candidate runbooks using them (`down`, `redis`, `database` are in many
 * titles and tell little about which one applies; `paiements` in one tells a lot); a word that
 * is part of a term already found is not counted again. A service label naming one of the
 * runbook's services counts the same way.
 */
export const matchWeights = {
  /** The alert's `alertname` is the name of an alert rule the runbook drafted (`HighErrorRate` = `High Error Rate`). */
  alertRuleName: 1.5,
  /**
   * A symptom term of several words or an error name (`OSRM service unavailable`, `ECONNREFUSED`),
   * a metric name of a symptom or rule (`pg_stat_database_numbackends`) quoted by the alert, or
   * an alert rule's name of several words all found in the alert.
   */
  strongTerm: 1,
  /** Every equality of a PromQL selector of the runbook (`up{job="postgres"}`) holds in the alert's labels. */
  selector: 0.5,
  /**
   * A one-word symptom term (`postgres`, divided like title words), a URL path (`/api/`), a
   * one-word rule name, or an HTTP status the alert reports (`500`, `5xx`).
   */
  weakTerm: 0.3,
  /** Each word of the runbook's title found in the alert, divided by the number of candidates using the word. */
  titleWord: 0.3,
  /**
   * Added, per word of the title, when every word of it is found (`OSRM en panne` for
   * `OSRMDown`: 0.3): a whole title of common words still says which runbook it is.
   */
  completeTitleWord: 0.15,
  /** …up to this much. */
  completeTitleCap: 0.6,
  /** Each word of the symptoms' prose found in the alert, divided likewise… */
  proseWord: 0.2,
  /** …up to this much in all, so that a wordy runbook does not win on volume. */
  proseCap: 0.4,
  /**
   * A service label (`service`, `app`, `job`, `container`…) naming one of the runbook's
   * services, divided by the number of candidates naming it: alone, a service only one runbook
   * is about is just enough to suggest it.
   */
  service: 0.4,
} as const;

/** Below this score a runbook is not suggested. */
export const defaultMinimumScore = 0.3;

/** At most this many suggestions. */
export const defaultMatchLimit = 5;

/** The score of an amount of evidence: grows with it, stays under 1. */
export function scoreOf(evidence: number): number {
  return 1 - Math.exp(-evidence);
}
