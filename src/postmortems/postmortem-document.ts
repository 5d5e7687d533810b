import type { Measured, Postmortem } from './postmortem-model.js';
import { isOverdue } from './postmortem-store.js';
import { formatMinutes, formatSeconds, localClock, localDateTime, zoneLabel } from './postmortem-time.js';

/**
 * A post-mortem as the rows and cells both exports show, every time already written in its time
 * zone: the Markdown and HTML renderers only lay these out (and escape them their own way).
 */
export interface PostmortemDocument {
  title: string;
  header: [label: string, value: string][];
  timeline: { time: string; text: string }[];
  durations: { measure: string; duration: string; span: string; target: string }[];
  actions: { title: string; owner: string; due: string; status: string; term: string }[];
}

const measures: readonly [
  keyof Pick<Postmortem['facts']['durations'], 'detect' | 'acknowledge' | 'mitigate' | 'resolve'>,
  string,
][] = [
  ['detect', 'Time to detect'],
  ['acknowledge', 'Time to acknowledge'],
  ['mitigate', 'Time to mitigate'],
  ['resolve', 'Time to resolve'],
];

const verdict = (met: boolean | null): string => (met === null ? 'not yet known' : met ? 'met' : 'missed');

/** Lays a post-mortem out for export, times in its zone, `now` deciding which actions are late. */
export function buildPostmortemDocument(postmortem: Postmortem, now: Date): PostmortemDocument {
  const { facts, timeZone: zone } = postmortem;
  const { durations, incident } = facts;
  const when = (measured: Measured): string =>
    measured === null ? '—' : `${localDateTime(measured.from, zone)} → ${localDateTime(measured.to, zone)}`;
  const header: [string, string][] = [
    ['Incident', `${incident.id}: ${incident.title}`],
    ['Severity', incident.severity],
    ['Services', incident.services.length === 0 ? '—' : incident.services.join(', ')],
    ['Date', localDateTime(durations.startedAt, zone)],
    ['Duration', durations.resolve === null ? 'not resolved' : formatSeconds(durations.resolve.seconds)],
    [
      'Time zone',
      zoneLabel(durations.startedAt, durations.resolve?.to ?? facts.moments.at(-1)?.at ?? durations.startedAt, zone),
    ],
    ['Status', postmortem.status],
  ];
  // The date is written when it changes, the clock time always: a night incident crosses midnight.
  let day = '';
  const timeline = facts.moments.map((moment) => {
    const date = localDateTime(moment.at, zone).slice(0, 10);
    const time = date === day ? localClock(moment.at, zone) : localDateTime(moment.at, zone);
    day = date;
    return { time, text: moment.text };
  });
  const rows = measures.map(([key, label]) => {
    const measured = durations[key];
    const target =
      key === 'resolve' && durations.resolutionTarget !== null
        ? `${incident.severity} target ${formatMinutes(durations.resolutionTarget.minutes)}: ${verdict(durations.resolutionTarget.met)}`
        : '';
    return {
      measure: label,
      duration: measured === null ? '—' : formatSeconds(measured.seconds),
      span: when(measured),
      target,
    };
  });
  for (const rto of durations.rto) {
    rows.push({
      measure: `Time to restore ${rto.name}`,
      duration: durations.restore === null ? '—' : formatSeconds(durations.restore.seconds),
      span: when(durations.restore),
      target: `RTO ${formatMinutes(rto.minutes)}: ${verdict(rto.met)}`,
    });
  }
  const actions = postmortem.actions.map((action) => ({
    title: action.title,
    owner: action.owner?.name ?? '—',
    due: action.dueDate === null ? '—' : `${action.dueDate}${isOverdue(action, now, zone) ? ' (overdue)' : ''}`,
    status: action.status,
    term: action.term ?? '—',
  }));
  return { title: postmortem.title, header, timeline, durations: rows, actions };
}
