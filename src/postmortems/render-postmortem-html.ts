import MarkdownIt from 'markdown-it';
import type { Postmortem, PostmortemSection } from './postmortem-model.js';
import { buildPostmortemDocument, type PostmortemDocument } from './postmortem-document.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * What people wrote is Markdown; raw HTML in it is shown as text (`html: false`), and markdown-it
 * refuses `javascript:`, `vbscript:` and `data:` links, so nothing typed can run in the export.
 */
function markdownRenderer(): MarkdownIt {
  return new MarkdownIt({ html: false, linkify: false, typographer: false });
}

/** For printing to PDF: A4 margins, no heading left alone at a page's foot, tables kept whole when they fit. */
const printCss = `
@page { size: A4; margin: 18mm 16mm; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 20pt; margin: 0 0 0.75rem; }
h2 { font-size: 14pt; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #999; break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0; break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
ol.timeline { list-style: none; padding: 0; }
ol.timeline li { break-inside: avoid; margin: 0.15rem 0; }
ol.timeline time { font-variant-numeric: tabular-nums; font-weight: 700; margin-right: 0.5rem; }
.empty { color: #555; font-style: italic; }
section.actions { break-before: page; page-break-before: always; }
@media screen { section.actions { border-top: 2px dashed #ccc; padding-top: 0.5rem; } }
@media print { a { color: inherit; } body { margin: 0; max-width: none; } }
`;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const headCells = head.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((value) => `<td>${escapeHtml(value)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${headCells}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function generated(section: PostmortemSection, doc: PostmortemDocument): string | null {
  switch (section.kind) {
    case 'timeline':
      return doc.timeline.length === 0
        ? '<p class="empty">No key moment in the timeline.</p>'
        : `<ol class="timeline">\n${doc.timeline.map((line) => `<li><time>${escapeHtml(line.time)}</time>${escapeHtml(line.text)}</li>`).join('\n')}\n</ol>`;
    case 'durations':
      return table(
        ['Measure', 'Duration', 'From → to', 'Target'],
        doc.durations.map((row) => [row.measure, row.duration, row.span, row.target]),
      );
    case 'actions':
      return doc.actions.length === 0
        ? '<p class="empty">No corrective action yet.</p>'
        : table(
            ['Action', 'Owner', 'Due', 'Status', 'Term'],
            doc.actions.map((row) => [row.title, row.owner, row.due, row.status, row.term]),
          );
    default:
      return null;
  }
}

/**
 * A post-mortem as a standalone HTML page ready to print to PDF: print CSS (A4, headings kept with
 * what follows, corrective actions on a page of their own), no script and no external resource,
 * every value escaped and what people wrote rendered from Markdown without raw HTML.
 */
export function renderPostmortemHtml(postmortem: Postmortem, now: Date): string {
  const doc = buildPostmortemDocument(postmortem, now);
  const markdown = markdownRenderer();
  const facts = doc.header
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');
  const sections = postmortem.sections.map((section) => {
    const made = generated(section, doc);
    const body = section.body.trim();
    const written = body !== '' ? markdown.render(body) : made === null ? '<p class="empty">To be written.</p>' : '';
    const kind = section.kind === 'actions' ? ' class="actions"' : '';
    return `<section${kind} id="${escapeHtml(section.key)}">\n<h2>${escapeHtml(section.title)}</h2>\n${made ?? ''}\n${written}</section>`;
  });
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${printCss}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<dl class="facts">\n${facts}\n</dl>`,
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
