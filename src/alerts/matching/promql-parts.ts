/**
 * What of a PromQL expression can be looked for in an alert: the metric names it reads
 * (`redis_memory_used_bytes`) and the label equalities of its selectors (`{job="postgres"}`).
 * Prometheus does not send the expression with the alert, but its labels carry the selector's
 * labels and its annotations often quote the metric.
 */
export interface PromqlParts {
  /** Metric names, lower case; `up` and the like are left out, every exporter has them. */
  metrics: string[];
  /** `name="value"` equalities of its selectors. */
  selectors: { name: string; value: string }[];
}

/** PromQL's functions, aggregations and keywords, which read like metric names. */
const promqlWords = new Set(
  `abs absent absent_over_time and avg avg_over_time bool bottomk by ceil changes clamp clamp_max clamp_min count
  count_over_time count_values delta deriv exp floor group group_left group_right histogram_quantile holt_winters
  idelta ignoring increase irate label_join label_replace last_over_time ln log10 log2 max max_over_time min
  min_over_time offset on or predict_linear present_over_time quantile quantile_over_time rate resets round scalar
  sort sort_desc sqrt stddev stddev_over_time stdvar sum sum_over_time time timestamp topk unless vector without`.split(
    /\s+/,
  ),
);

/** Metric names every target exposes: finding them in an alert says nothing of which runbook applies. */
const ubiquitousMetrics = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);

const selectorBlock = /\{([^{}]*)\}/g;
const equality = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/g;
const identifier = /(?<![\w:.-])([A-Za-z_:][A-Za-z0-9_:]*)(?![\w:])(\s*\{)?/g;

/**
 * The metric names and selector equalities of a text that looks like PromQL (a snake_case
 * identifier or a `{…}` selector), or null when it does not: prose and messages are matched
 * as words instead. An identifier counts as a metric when it holds `_` or opens a selector.
 */
export function readPromql(text: string): PromqlParts | null {
  const selectors: PromqlParts['selectors'] = [];
  for (const block of text.matchAll(selectorBlock)) {
    for (const pair of block[1]!.matchAll(equality)) {
      // `=~`, `!=` and `!~` do not fit `name="…"`: only equalities are kept, the labels an alert must carry.
      selectors.push({ name: pair[1]!, value: pair[2] ?? pair[3] ?? '' });
    }
  }
  const withoutSelectors = text.replace(selectorBlock, (block) => (block.includes('=') ? '{}' : block));
  const metrics = new Set<string>();
  let looksLikePromql = selectors.length > 0;
  for (const match of withoutSelectors.matchAll(identifier)) {
    const name = match[1]!.toLowerCase();
    if (!name.includes('_') && match[2] === undefined) continue;
    if (promqlWords.has(name) && match[2] === undefined) continue;
    looksLikePromql = true;
    if (!ubiquitousMetrics.has(name) && !promqlWords.has(name)) metrics.add(name);
  }
  return looksLikePromql ? { metrics: [...metrics], selectors } : null;
}

/** Every identifier of a text, lower case: the metric names an alert may quote. */
export function identifiersOf(text: string): string[] {
  return [...text.matchAll(identifier)].map((match) => match[1]!.toLowerCase());
}
