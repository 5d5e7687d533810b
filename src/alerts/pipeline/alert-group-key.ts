import type { IncomingAlert } from '../alert-model.js';
import type { EffectiveSettings } from '../integration-model.js';

/**
 * The group an alert feeds, within its integration: the values of the integration's group-by
 * labels. An alert carrying none of them is a group of its own (a PagerDuty event has no
 * `alertname`: one incident per dedup key, as PagerDuty does). Planning and the inbox (which
 * stores each group's alerts apart, see alert-inbox.ts) both key by it.
 */
export function alertGroupOf(
  settings: Pick<EffectiveSettings, 'groupBy'>,
  alert: Pick<IncomingAlert, 'labels' | 'fingerprint'>,
): { groupKey: string; groupLabels: Record<string, string> } {
  const groupLabels: Record<string, string> = {};
  for (const label of settings.groupBy) {
    const value = alert.labels[label];
    if (value !== undefined && value !== '') groupLabels[label] = value;
  }
  const grouped = settings.groupBy.length === 0 || Object.keys(groupLabels).length > 0;
  const groupKey = grouped
    ? JSON.stringify(settings.groupBy.map((label) => groupLabels[label] ?? ''))
    : `alert:${alert.fingerprint}`;
  return { groupKey, groupLabels };
}
