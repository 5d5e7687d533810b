import { describe, expect, it } from 'vitest';
import { hasPromqlComparison, readPromql } from '../../../src/probes/drafts/read-promql.js';

describe('telling PromQL alert rules from prose', () => {
  it.each([
    'up{job="postgres"} == 0',
    'up == 0',
    'rate(http_requests_total{status=~"5.."}[5m]) / rate(http_requests_total[5m]) > 0.05',
    'redis_memory_used_bytes / redis_memory_max_bytes > 0.9',
    'pg_stat_database_numbackends > 95',
    'sum by (job) (rate(errors_total[5m])) > 1',
    'histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[5m])) by (le)) > 0.2',
    'a_total / on(job) group_left b_total > bool 1',
    'time() - process_start_time_seconds < 60',
    'node_load1 offset 5m > 4',
  ])('reads %s as PromQL', (expression) => {
    expect(readPromql(expression)).toEqual({ promql: true });
  });

  it.each([
    ['memory > 85%', 'a percentage is prose'],
    ['error_rate > 5%', 'a percentage is prose'],
    ['pg_database_size > 50GB', 'two terms in a row ("50 GB")'],
    ["Taux d'assignation < 70%", 'two terms in a row'],
    ["Temps d'exécution > 10 secondes", 'two terms in a row'],
    ['> 50 impayés avec retard > 60 jours', '">" has no term before it'],
    ['memory > 85', 'no metric selector, function call or metric_name'],
    ['up{job="api"}', 'no comparison'],
    ['up{job="api"} > 5m', '"5m" is a duration'],
    ['rate(x_total[5m] > 1', 'a parenthesis is not closed'],
    ['Alert (critical) > 5', '"(" follows a term without an operator'],
  ])('skips %s: %s', (expression, reason) => {
    const reading = readPromql(expression);
    expect(reading.promql).toBe(false);
    expect(reading.promql ? '' : reading.reason).toContain(reason);
  });

  it('says no expression for an empty rule, and finds comparisons outside label matchers only', () => {
    expect(readPromql(null)).toEqual({ promql: false, reason: 'no expression' });
    expect(hasPromqlComparison('up{job!="x", env=~"prod"}')).toBe(false);
    expect(hasPromqlComparison('up{job!="x"} != 1')).toBe(true);
  });
});
