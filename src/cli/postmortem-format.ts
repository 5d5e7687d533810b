import type { CorrectiveAction, Postmortem } from '../postmortems/postmortem-model.js';
import { buildPostmortemDocument } from '../postmortems/postmortem-document.js';
import { formatFields, formatTable } from './format-table.js';

/** A post-mortem for the terminal: its facts, key moments, durations, corrective actions and what is still to write. */
export function formatPostmortem(postmortem: Postmortem, now: Date): string {
  const doc = buildPostmortemDocument(postmortem, now);
  const toWrite = postmortem.sections.filter(
    (section) => !['timeline', 'durations', 'actions'].includes(section.kind) && section.body.trim() === '',
  );
  const blocks = [
    doc.title,
    formatFields([
      ...doc.header,
      ['Version', String(postmortem.version)],
      ['Next', postmortem.allowedNextStates.length === 0 ? '-' : postmortem.allowedNextStates.join(', ')],
    ]),
    'Timeline',
    doc.timeline.length === 0
      ? '(no key moment)'
      : formatTable(
          ['TIME', 'WHAT'],
          doc.timeline.map((line) => [line.time, line.text]),
        ),
    'Durations',
    formatTable(
      ['MEASURE', 'DURATION', 'TARGET'],
      doc.durations.map((row) => [row.measure, row.duration, row.target || '-']),
    ),
    'Corrective actions',
    formatActions(postmortem.actions),
  ];
  if (toWrite.length > 0) blocks.push(`Still to write: ${toWrite.map((section) => section.title).join(', ')}`);
  return blocks.join('\n\n');
}

/** Corrective actions as a table, late ones marked. */
export function formatActions(actions: readonly CorrectiveAction[]): string {
  if (actions.length === 0) return 'No corrective actions.';
  return formatTable(
    ['INCIDENT', 'STATUS', 'DUE', 'OWNER', 'TERM', 'TITLE'],
    actions.map((action) => [
      action.incidentId,
      action.status,
      `${action.dueDate ?? '-'}${action.overdue ? ' (overdue)' : ''}`,
      action.owner?.name ?? '-',
      action.term ?? '-',
      action.title,
    ]),
    { maxWidths: [undefined, undefined, undefined, 30, undefined, 80] },
  );
}
