/** Label names and values as Prometheus and Alertmanager write them. */
export type Labels = Record<string, string>;

/** What a sender says of an alert: it fires, it was acknowledged (PagerDuty), or it is over. */
export const alertActions = ['trigger', 'acknowledge', 'resolve'] as const;
export type AlertAction = (typeof alertActions)[number];

/**
 * One alert as a sender described it, normalized: every way in (the kinds of
 * `ingest/ingest-kinds.ts`, and the probes) produces these, and the rest of the
 * pipeline (dedup, grouping, silences, routing, runbook matching) knows nothing of the sender.
 */
export interface IncomingAlert {
  /**
   * The dedup key: one alert per key and integration while it fires. Alertmanager's
   * fingerprint of the label set for Prometheus and Alertmanager, PagerDuty's `dedup_key`, the
   * mapped key for a webhook.
   */
  fingerprint: string;
  action: AlertAction;
  labels: Labels;
  annotations: Labels;
  /** A one-line title: the summary annotation, the PagerDuty summary, the alertname… */
  title: string;
  /** The severity word the sender used (`critical`, `warning`, `error`, `P2`…), mapped later; null if none. */
  severity: string | null;
  /** When the problem started, as the sender says; null when it does not say. */
  startsAt: Date | null;
  /** When the sender says it ends (Prometheus re-sends with a future `endsAt`); null when it does not say. */
  endsAt: Date | null;
  /** A link back to the source (Prometheus graph, PagerDuty `links`…); null if none. */
  sourceUrl: string | null;
}
