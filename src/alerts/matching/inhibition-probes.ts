import type { Labels } from '../alert-model.js';
import type { InhibitionRule } from './find-inhibitions.js';
import { cachedMatchers, labelValue, type LabelMatcher } from './label-matchers.js';

/**
 * One indexed lookup of candidate inhibition sources: firing alerts whose labels contain
 * `contains` (a GIN `@>` lookup) and have no non-empty value for any name of `empty` (absent
 * and empty read alike, as in Alertmanager). Every source that could mute a target is among the
 * candidates of the target's probes; the matchers are then checked in memory on those few.
 */
export interface InhibitionProbe {
  contains: Labels;
  empty: string[];
}

/** An equality a source must satisfy: `name` has exactly `value` ('' = absent or empty). */
type Equality = readonly [name: string, value: string];

/** A regex that is a plain alternation of literals (`NodeDown|HostDown`): it fully matches one of them exactly. */
const literalAlternation = /^[A-Za-z0-9_:/ ,@=-]+(?:\|[A-Za-z0-9_:/ ,@=-]+)*$/;
/** Above this many alternatives combined, a rule's matchers are left to the in-memory check. */
const maxAlternatives = 32;

/**
 * The distinct probes that find every firing source able to inhibit one of `targets`: for each
 * rule and each target matching its target matchers, the target's `equal` values plus the
 * source matchers that are equalities (`=`, or `=~` over literal alternatives, one probe per
 * alternative). Probes that contradict themselves find nothing and are left out. A probe with
 * nothing in `contains` cannot use the index; only a rule with neither `equal` labels set on
 * the target nor an equality source matcher makes one.
 */
export function inhibitionProbes(rules: readonly InhibitionRule[], targets: readonly Labels[]): InhibitionProbe[] {
  const probes = new Map<string, InhibitionProbe>();
  rules.forEach((rule, index) => {
    const isTarget = cachedMatchers(rule.targetMatchers, `/rules/${index}/targetMatchers`);
    const sourceSides = sourceEqualities(rule.sourceMatchers);
    for (const labels of targets) {
      if (!isTarget(labels)) continue;
      const equal = rule.equal.map((name): Equality => [name, labelValue(labels, name)]);
      for (const side of sourceSides) {
        const probe = probeOf([...equal, ...side]);
        if (probe !== null) probes.set(JSON.stringify(probe), probe);
      }
    }
  });
  return [...probes.values()];
}

/** The equalities every source must satisfy, one list per combination of literal alternatives. */
function sourceEqualities(matchers: readonly LabelMatcher[]): Equality[][] {
  let sides: Equality[][] = [[]];
  for (const { name, operator, value } of matchers) {
    if (operator === '=') {
      sides = sides.map((side) => [...side, [name, value]]);
    } else if (operator === '=~' && literalAlternation.test(value)) {
      const literals = [...new Set(value.split('|'))];
      if (sides.length * literals.length > maxAlternatives) continue;
      sides = sides.flatMap((side) => literals.map((literal): Equality[] => [...side, [name, literal]]));
    }
  }
  return sides;
}

/** The probe asking for all these equalities at once; null when two of them disagree. */
function probeOf(equalities: readonly Equality[]): InhibitionProbe | null {
  const wanted = new Map<string, string>();
  for (const [name, value] of equalities) {
    const before = wanted.get(name);
    if (before !== undefined && before !== value) return null;
    wanted.set(name, value);
  }
  // Sorted, so that the same probe reached from two targets is one key; `fromEntries` defines
  // `__proto__` as a label like any other.
  const sorted = [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    contains: Object.fromEntries(sorted.filter(([, value]) => value !== '')),
    empty: sorted.filter(([, value]) => value === '').map(([name]) => name),
  };
}
