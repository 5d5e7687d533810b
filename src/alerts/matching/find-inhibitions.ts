import type { Labels } from '../alert-model.js';
import { cachedMatchers, labelValue, type LabelMatcher, type LabelPredicate } from './label-matchers.js';

/** Alertmanager's inhibit rule: a firing source alert mutes target alerts that share its `equal` labels. */
export interface InhibitionRule {
  id: string;
  sourceMatchers: readonly LabelMatcher[];
  targetMatchers: readonly LabelMatcher[];
  /** Labels whose values must be the same in source and target; absent counts as the empty string. */
  equal: readonly string[];
}

/** A firing alert that may act as a source; `id` is what `Inhibition.sourceId` reports. */
export interface FiringAlert {
  id: string;
  labels: Labels;
}

/** One rule muting the target, and one firing source through which it does. */
export interface Inhibition {
  ruleId: string;
  sourceId: string;
}

/** The sources of one rule sharing one tuple of `equal` values. */
interface Bucket {
  /** Sources that do not also match the rule's target matchers: they may mute any target. */
  sourceOnly: string[];
  /** Sources that also match the target matchers: they may not mute a target that is itself a source. */
  twoSided: string[];
}

interface IndexedRule {
  id: string;
  equal: readonly string[];
  isSource: LabelPredicate;
  isTarget: LabelPredicate;
  buckets: Map<string, Bucket>;
}

/** The firing sources of every rule, keyed by their `equal` values, ready for `findInhibitions`. */
export interface InhibitionIndex {
  readonly rules: readonly IndexedRule[];
}

/**
 * Indexes the firing alerts for each rule by the tuple of their `equal` label values, so that
 * checking a target costs one map lookup per rule however many thousands of alerts fire.
 * Pass only alerts that fire: a resolved alert inhibits nothing. Rebuild when they change;
 * the rules' matchers are compiled once per matchers array and remembered.
 */
export function indexInhibitions(rules: readonly InhibitionRule[], firing: readonly FiringAlert[]): InhibitionIndex {
  const indexed = rules.map((rule, index): IndexedRule => ({
    id: rule.id,
    equal: rule.equal,
    isSource: cachedMatchers(rule.sourceMatchers, `/rules/${index}/sourceMatchers`),
    isTarget: cachedMatchers(rule.targetMatchers, `/rules/${index}/targetMatchers`),
    buckets: new Map(),
  }));
  for (const rule of indexed) {
    for (const alert of firing) {
      if (!rule.isSource(alert.labels)) continue;
      const key = equalKey(rule.equal, alert.labels);
      let bucket = rule.buckets.get(key);
      if (bucket === undefined) {
        bucket = { sourceOnly: [], twoSided: [] };
        rule.buckets.set(key, bucket);
      }
      (rule.isTarget(alert.labels) ? bucket.twoSided : bucket.sourceOnly).push(alert.id);
    }
  }
  return { rules: indexed };
}

/**
 * The rules that inhibit an alert with these labels, each with one source that does it, in rule
 * order; empty when nothing mutes it. Alertmanager's semantics: the target matches the rule's
 * target matchers, a firing source its source matchers, and every `equal` label has the same
 * value in both (absent = empty). When the target also matches the source matchers, sources
 * that also match the target matchers are left out, so that alerts matching both sides do not
 * mute each other (nor themselves) — Alertmanager's rule for two-sided matches.
 */
export function findInhibitions(index: InhibitionIndex, labels: Labels): Inhibition[] {
  const found: Inhibition[] = [];
  for (const rule of index.rules) {
    if (rule.buckets.size === 0 || !rule.isTarget(labels)) continue;
    const bucket = rule.buckets.get(equalKey(rule.equal, labels));
    if (bucket === undefined) continue;
    const sourceId = bucket.sourceOnly[0] ?? (rule.isSource(labels) ? undefined : bucket.twoSided[0]);
    if (sourceId !== undefined) found.push({ ruleId: rule.id, sourceId });
  }
  return found;
}

/** The `equal` values as one map key; JSON keeps values holding any separator apart. */
function equalKey(names: readonly string[], labels: Labels): string {
  return JSON.stringify(names.map((name) => labelValue(labels, name)));
}
