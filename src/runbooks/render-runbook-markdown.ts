import { stringify as toYaml } from 'yaml';
import type { RunbookStructure, Section, Step } from './runbook-model.js';

type Phase = NonNullable<Step['phase']>;

const phaseTitles: Record<RunbookStructure['language'], Record<Phase, string>> = {
  en: { 'short-term': 'Short term', 'medium-term': 'Medium term', 'long-term': 'Long term' },
  fr: { 'short-term': 'Court terme', 'medium-term': 'Moyen terme', 'long-term': 'Long terme' },
};

/**
 * The canonical Markdown of a runbook: front matter (when it had some), `# Title`, the metadata as
 * `**Label**: value` lines, `## Symptoms` as a list, then each section as `## Title` with its prose
 * and its steps — code as fenced blocks carrying the language and the Runme attributes as JSON,
 * manual steps as numbered items, a `### <phase>` line where the phase of the steps changes.
 * Plain and regular on purpose: the extractor reads this form back to the same structure.
 */
export function renderRunbookMarkdown(runbook: RunbookStructure): string {
  const blocks: string[] = [];
  if (Object.keys(runbook.metadata.frontMatter).length > 0) blocks.push(`---\n${toYaml(runbook.metadata.frontMatter).trimEnd()}\n---`);
  blocks.push(`# ${oneLine(runbook.title)}`);
  const metadata = metadataLines(runbook);
  if (metadata.length > 0) blocks.push(metadata.join('\n'));
  const hasSymptomsSection = runbook.sections.some((section) => section.kind === 'symptoms');
  if (runbook.symptoms.length > 0 && !hasSymptomsSection) {
    blocks.push('## Symptoms', runbook.symptoms.map((symptom) => `- ${indent(symptom.text.trim(), 2)}`).join('\n'));
  }
  for (const section of runbook.sections) blocks.push(...sectionBlocks(section, runbook.language));
  return `${blocks.join('\n\n')}\n`;
}

function metadataLines(runbook: RunbookStructure): string[] {
  const { severity, impact, rto, rpo, reference, services } = runbook.metadata;
  const fields: [string, string | null][] = [
    ['Reference', reference],
    ['Severity', severity?.raw ?? null],
    ['Impact', impact],
    ['RTO', rto?.raw ?? null],
    ['RPO', rpo?.raw ?? null],
    ['Services', services.length > 0 ? services.join(', ') : null],
  ];
  // Consecutive lines make one Markdown paragraph; the extractor reads it line by line.
  return fields.filter((field): field is [string, string] => field[1] !== null && field[1].trim() !== '').map(([label, value]) => `**${label}**: ${oneLine(value)}`);
}

function sectionBlocks(section: Section, language: RunbookStructure['language']): string[] {
  const blocks = [`## ${oneLine(section.title)}`];
  if (section.text.trim() !== '') blocks.push(section.text.trim());
  let phase: Step['phase'] = null;
  section.steps.forEach((step, index) => {
    if (step.phase !== null && step.phase !== phase) blocks.push(`### ${phaseTitles[language][step.phase]}`);
    phase = step.phase;
    blocks.push(stepBlock(step, index + 1));
  });
  return blocks;
}

/** A manual step as item `n.` of a numbered list; code as a titled fenced block. */
function stepBlock(step: Step, position: number): string {
  if (step.kind === 'manual') {
    const marker = `${position}. `;
    const title = step.title === null ? '' : `**${oneLine(step.title)}**: `;
    return `${marker}${indent(`${title}${step.body.trim()}`, marker.length)}`;
  }
  const longestRun = Math.max(0, ...[...step.body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const info = [step.language ?? '', attributesOf(step)].filter((part) => part !== '').join(' ');
  const code = `${fence}${info}\n${step.body.replace(/\n+$/, '')}\n${fence}`;
  return step.title === null ? code : `**${oneLine(step.title)}**\n\n${code}`;
}

/** Runme fence attributes, as Runme writes them: a JSON object, keys sorted. */
function attributesOf(step: Step): string {
  const keys = Object.keys(step.attributes).sort();
  return keys.length === 0 ? '' : JSON.stringify(Object.fromEntries(keys.map((key) => [key, step.attributes[key]])));
}

/** Continuation lines of a list item are indented under its text. */
function indent(text: string, width: number): string {
  return text.split('\n').map((line, index) => (index === 0 || line === '' ? line : ' '.repeat(width) + line)).join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
