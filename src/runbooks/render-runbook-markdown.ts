import { stringify as toYaml } from 'yaml';
import { sectionKindOf } from './extract/classify-title.js';
import { renderMarker } from './runbook-markers.js';
import type { RunbookStructure, Section, Step, Symptom } from './runbook-model.js';

/**
 * The canonical Markdown of a runbook: front matter (when it had some), `# Title` with a marker
 * comment giving its kind, the metadata as `**Label**: value` lines, then each section as
 * `## Title` (a marker when the title does not say the section's kind) with its symptoms, the
 * prose before its first sub-heading, its steps — code as fenced blocks with the language and
 * Runme attributes, titled by a `Title:` line; manual steps as numbered items — and the rest of
 * its prose. Plain and regular on purpose: the extractor reads it back to the same structure.
 */
export function renderRunbookMarkdown(runbook: RunbookStructure): string {
  const blocks: string[] = [];
  if (Object.keys(runbook.metadata.frontMatter).length > 0)
    blocks.push(`---\n${toYaml(runbook.metadata.frontMatter).trimEnd()}\n---`);
  blocks.push(`# ${oneLine(runbook.title)}`, renderMarker({ runbookKind: runbook.kind }));
  const metadata = metadataLines(runbook);
  if (metadata.length > 0) blocks.push(metadata.join('\n'));
  const symptomsHome =
    runbook.sections.find((s) => s.kind === 'symptoms') ?? runbook.sections.find((s) => s.kind === 'detection');
  if (runbook.symptoms.length > 0 && symptomsHome === undefined)
    blocks.push('## Symptoms', symptomList(runbook.symptoms));
  for (const section of runbook.sections)
    blocks.push(...sectionBlocks(section, section === symptomsHome ? runbook.symptoms : []));
  return `${blocks.join('\n\n')}\n`;
}

function metadataLines(runbook: RunbookStructure): string[] {
  const { severity, impact, rto, rpo, services } = runbook.metadata;
  const fields: [string, string | null][] = [
    ['Severity', severity?.raw ?? null],
    ['Impact', impact],
    ['RTO', rto?.raw ?? null],
    ['RPO', rpo?.raw ?? null],
    ['Services', services.length > 0 ? services.join(', ') : null],
  ];
  // Consecutive lines make one Markdown paragraph; the extractor reads it line by line.
  return fields
    .filter((field): field is [string, string] => field[1] !== null && field[1].trim() !== '')
    .map(([label, value]) => `**${label}**: ${oneLine(value)}`);
}

function sectionBlocks(section: Section, symptoms: readonly Symptom[]): string[] {
  const blocks = [`## ${oneLine(section.title)}`];
  if (sectionKindOf(section.title) !== section.kind) blocks.push(renderMarker({ sectionKind: section.kind }));
  if (symptoms.length > 0) blocks.push(symptomList(symptoms));
  // Prose after the first sub-heading belongs under it; steps go before it so none is re-titled by it.
  const text = section.text.trim();
  const split = text.search(/^#{1,6}\s/m);
  const before = split === -1 ? text : text.slice(0, split).trim();
  const after = split === -1 ? '' : text.slice(split).trim();
  if (before !== '') blocks.push(before);
  section.steps.forEach((step, index) => blocks.push(stepBlock(step, index + 1)));
  if (after !== '') blocks.push(after);
  return blocks;
}

function symptomList(symptoms: readonly Symptom[]): string {
  return symptoms.map((symptom) => `- ${escapeLeading(indent(symptom.text.trim(), 2))}`).join('\n');
}

/** A manual step as item `n.` of a numbered list; code as a fenced block after its `Title:` line. */
function stepBlock(step: Step, position: number): string {
  if (step.kind === 'manual') {
    const marker = `${position}. `;
    return `${marker}${indent(step.body.trim(), marker.length)}`;
  }
  const longestRun = Math.max(0, ...[...step.body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const info = [step.language ?? '', attributesOf(step)].filter((part) => part !== '').join(' ');
  const code = `${fence}${info}\n${step.body.replace(/\n+$/, '')}\n${fence}`;
  return step.title === null ? code : `${escapeInline(oneLine(step.title))}:\n\n${code}`;
}

/** Runme fence attributes, as Runme writes them: a JSON object, keys sorted. */
function attributesOf(step: Step): string {
  const keys = Object.keys(step.attributes).sort();
  return keys.length === 0 ? '' : JSON.stringify(Object.fromEntries(keys.map((key) => [key, step.attributes[key]])));
}

/** Continuation lines of a list item are indented under its text. */
function indent(text: string, width: number): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : ' '.repeat(width) + line))
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Plain text that must come back as the same plain text: Markdown's inline marks escaped. */
function escapeInline(text: string): string {
  return escapeLeading(text.replace(/([\\`*_[\]<>])/g, '\\$1'));
}

/** A line that would open a quote, heading, list or rule is escaped at its start. */
function escapeLeading(text: string): string {
  return text.replace(/^[>#+-]/, (opening) => `\\${opening}`).replace(/^(\d+)([.)])/, '$1\\$2');
}
