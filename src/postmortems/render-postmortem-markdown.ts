import type { Postmortem, PostmortemSection } from './postmortem-model.js';
import { buildPostmortemDocument, type PostmortemDocument } from './postmortem-document.js';

/** One line, for headings and table cells: a newline or a pipe would break the layout. */
const cell = (text: string): string =>
  text
    .replace(/\r?\n+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .trim();

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** What Astreinte writes in a section of a generated kind, before the humans' note. */
function generated(section: PostmortemSection, doc: PostmortemDocument): string | null {
  switch (section.kind) {
    case 'timeline':
      return doc.timeline.length === 0
        ? '_No key moment in the timeline._'
        : doc.timeline.map((line) => `- **${cell(line.time)}** ${cell(line.text)}`).join('\n');
    case 'durations':
      return table(
        ['Measure', 'Duration', 'From → to', 'Target'],
        doc.durations.map((row) => [row.measure, row.duration, row.span, row.target]),
      );
    case 'actions':
      return doc.actions.length === 0
        ? '_No corrective action yet._'
        : table(
            ['Action', 'Owner', 'Due', 'Status', 'Term'],
            doc.actions.map((row) => [row.title, row.owner, row.due, row.status, row.term]),
          );
    default:
      return null;
  }
}

/**
 * A post-mortem as Markdown: its title, the facts as bold fields (in the seeds' templates' way),
 * then each section as `## Title` — the condensed timeline as `**HH:MM** what` lines, the
 * durations and corrective actions as tables — and what the humans wrote, as they wrote it (it is
 * Markdown already). Empty sections say so, so a reader sees what is still to write.
 */
export function renderPostmortemMarkdown(postmortem: Postmortem, now: Date): string {
  const doc = buildPostmortemDocument(postmortem, now);
  const blocks = [
    `# ${cell(doc.title)}`,
    doc.header.map(([label, value]) => `**${label}**: ${cell(value)}`).join('  \n'),
  ];
  for (const section of postmortem.sections) {
    blocks.push(`## ${cell(section.title)}`);
    const made = generated(section, doc);
    if (made !== null) blocks.push(made);
    const body = section.body.trim();
    if (body !== '') blocks.push(body);
    else if (made === null) blocks.push('_To be written._');
  }
  return `${blocks.join('\n\n')}\n`;
}
