import { Type, type Static } from 'typebox';
import { runPrometheusCheck } from '../checks/prometheus-check.js';
import { defineProbeKind } from './probe-kind-definition.js';
import { secretHeaders } from './target-fields.js';

export const PrometheusTargetSchema = Type.Object(
  {
    kind: Type.Literal('prometheus'),
    /** The Prometheus HTTP API base (`http://prometheus:9090`); default: the server's `ASTREINTE_PROMETHEUS_URL`. */
    url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 })),
    /** PromQL. As in a Prometheus alerting rule, every series it returns is active (so `up == 0`, not `up`), unless conditions on `[VALUE]` decide. */
    query: Type.String({ minLength: 1, maxLength: 10_000 }),
    secretHeaders,
  },
  { additionalProperties: false, title: 'PrometheusTarget' },
);
export type PrometheusTarget = Static<typeof PrometheusTargetSchema>;

/**
 * A PromQL query, as an alerting rule: each series it returns is judged, and alerts, on its own
 * (`VALUE` and `LABELS` are the series'); without conditions every series returned is active.
 */
export const prometheusProbe = defineProbeKind({
  label: 'Prometheus query',
  target: PrometheusTargetSchema,
  check: async (target, options, { prometheusUrl }) => ({
    ...(await runPrometheusCheck({ ...target, url: target.url ?? prometheusUrl ?? '' }, options)),
    seriesSource: target.query,
  }),
  checkTarget: (target, { prometheusUrl }) =>
    target.url === undefined && prometheusUrl === null
      ? [{ path: '/target/url', message: 'required: the server has no default Prometheus (ASTREINTE_PROMETHEUS_URL)' }]
      : [],
  secretFields: { secretHeaders: 'values' },
  placeholders: ['CONNECTED', 'RESPONSE_TIME', 'SERIES', 'VALUE', 'LABELS'],
  // As in a Prometheus alerting rule: every series the query returns is active.
  defaultConditions: [],
});
