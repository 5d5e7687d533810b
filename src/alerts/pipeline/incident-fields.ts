import type { PlannedAlert } from './plan-alert.js';

const maxTitle = 300;
const labelName = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

/** The title of an incident opened by alerts: the first alert's, and how many came with it. */
export function incidentTitle(alerts: readonly PlannedAlert[]): string {
  const title = alerts[0]!.alert.title.trim() === '' ? 'Alert' : alerts[0]!.alert.title.trim();
  const others = new Set(alerts.map((alert) => alert.alert.fingerprint)).size - 1;
  const suffix = others > 0 ? ` (+${others} more)` : '';
  return title.length + suffix.length > maxTitle
    ? `${title.slice(0, maxTitle - suffix.length - 1)}…${suffix}`
    : `${title}${suffix}`;
}

/** The incident's labels: the values its alerts are grouped by, and the integration, within the label rules. */
export function incidentLabels(first: PlannedAlert): Record<string, string> {
  const labels: Record<string, string> = { integration: first.integration.name.slice(0, 1000) };
  for (const [name, value] of Object.entries(first.groupLabels)) {
    if (labelName.test(name)) labels[name] = value.slice(0, 1000);
  }
  return labels;
}
