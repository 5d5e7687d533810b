import type { Labels } from '../alert-model.js';
import { cachedMatchers, type LabelMatcher, type LabelPredicate } from './label-matchers.js';

/** A silence as the matching needs it: what it mutes and when. */
export interface SilenceWindow {
  id: string;
  /** Its matchers, or the predicate already compiled from them. */
  matchers: readonly LabelMatcher[] | LabelPredicate;
  startsAt: Date;
  /** Exclusive: at `endsAt` the silence no longer mutes. */
  endsAt: Date;
}

/**
 * The ids of the silences that mute an alert with these labels at instant `at`, in the order
 * given: those whose window holds `at` (`startsAt <= at < endsAt`) and whose matchers all match,
 * with Alertmanager's semantics (see `compileMatchers`). Matchers given as arrays are compiled
 * once per array and remembered, so the same loaded silences can be checked for every alert.
 * A stored silence whose regex no longer compiles throws a validation error at
 * `/silences/<index>/matchers/<n>/value` rather than silently muting nothing.
 */
export function findSilences(silences: readonly SilenceWindow[], labels: Labels, at: Date): string[] {
  const instant = at.getTime();
  const muting: string[] = [];
  silences.forEach((silence, index) => {
    // The window first: it is cheaper than the matchers and rules out most stored silences.
    if (silence.startsAt.getTime() > instant || silence.endsAt.getTime() <= instant) return;
    const matches =
      typeof silence.matchers === 'function'
        ? silence.matchers
        : cachedMatchers(silence.matchers, `/silences/${index}/matchers`);
    if (matches(labels)) muting.push(silence.id);
  });
  return muting;
}
