import { DateTime, IANAZone } from 'luxon';
import type { IncidentStatus } from '../../incidents/incident-model.js';
import type { NotificationLocale } from '../channel-model.js';
import type { NotificationVars, TemplateVariable } from './template-model.js';

/** What Mustache renders a template against: exactly the names of `templateVariables`. */
export type TemplateView = Record<TemplateVariable, unknown> & {
  title: string;
  runbooks: Array<{ title: string; url: string }>;
};

export const statusLabels: Readonly<Record<NotificationLocale, Readonly<Record<IncidentStatus, string>>>> = {
  en: { triggered: 'triggered', acknowledged: 'acknowledged', mitigated: 'mitigated', resolved: 'resolved' },
  fr: { triggered: 'déclenché', acknowledged: 'acquitté', mitigated: 'atténué', resolved: 'résolu' },
};

// en-GB rather than en-US: a 24-hour clock and day-month order, unambiguous at 3 a.m.
const luxonLocales: Readonly<Record<NotificationLocale, string>> = { en: 'en-GB', fr: 'fr-FR' };

export const defaultSilentMinutes = 15;

/**
 * Turns the engine's variables into the template view: the status in the message language, the
 * services joined, the time in the recipient's zone (UTC when the zone is unknown), and the absent
 * optional values as empty strings so that `{{#ackUrl}}…{{/ackUrl}}` sections simply vanish.
 */
export function buildTemplateView(vars: NotificationVars, locale: NotificationLocale): TemplateView {
  const runbooks = (vars.runbooks ?? []).map((runbook) => ({ title: runbook.title, url: runbook.url }));
  return {
    incidentId: vars.incidentId,
    title: vars.title,
    severity: vars.severity,
    status: statusLabels[locale][vars.status],
    services: vars.services.join(', '),
    summary: vars.summary,
    incidentUrl: vars.incidentUrl,
    ackUrl: vars.ackUrl ?? '',
    ackCode: vars.ackCode ?? '',
    replyTo: vars.replyTo ?? '',
    level: vars.level ?? '',
    runbooks,
    hasRunbooks: runbooks.length > 0,
    time: formatTime(vars.occurredAt, vars.timeZone, locale),
    actor: vars.actor ?? '',
    step: vars.step ?? '',
    command: vars.command ?? '',
    silentMinutes: vars.silentMinutes ?? defaultSilentMinutes,
  };
}

/** `14 Mar 2025, 15:04 (Europe/Paris)` / `14 mars 2025, 15:04 (Europe/Paris)`. */
export function formatTime(isoTime: string, timeZone: string | undefined, locale: NotificationLocale): string {
  const zone = timeZone !== undefined && IANAZone.isValidZone(timeZone) ? timeZone : 'UTC';
  const time = DateTime.fromISO(isoTime, { zone }).setLocale(luxonLocales[locale]);
  if (!time.isValid) return isoTime;
  return `${time.toLocaleString(DateTime.DATETIME_MED)} (${zone})`;
}
