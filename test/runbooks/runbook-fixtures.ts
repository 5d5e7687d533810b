import type { Draft, RunbookStructure, Section, Step } from '../../src/runbooks/runbook-model.js';

/** A step with harmless defaults; `lines` default to one line at `line`. */
export function step(id: string, overrides: Partial<Step> & { line?: number } = {}): Step {
  const { line = 10, ...rest } = overrides;
  return {
    id,
    kind: 'command',
    title: null,
    language: 'shell',
    body: 'echo ok',
    attributes: {},
    parameters: [],
    risk: 'read-only',
    riskReasons: [],
    phase: null,
    inlineSecrets: [],
    parseError: null,
    lines: { start: line, end: line + 2 },
    ...rest,
  };
}

export function section(
  kind: Section['kind'],
  title: string,
  steps: Step[] = [],
  overrides: Partial<Section> = {},
): Section {
  return {
    kind,
    title,
    text: '',
    steps,
    lines: { start: steps[0]?.lines.start ?? 5, end: (steps.at(-1)?.lines.end ?? 5) + 1 },
    ...overrides,
  };
}

/** A runbook; metadata fields may be given one by one. */
export function runbook(
  title: string,
  sections: Section[],
  overrides: Partial<Omit<RunbookStructure, 'metadata'>> & { metadata?: Partial<RunbookStructure['metadata']> } = {},
): RunbookStructure {
  const { metadata, ...rest } = overrides;
  return {
    title,
    kind: 'incident',
    language: 'en',
    metadata: {
      severity: null,
      impact: null,
      rto: null,
      rpo: null,
      reference: null,
      services: [],
      frontMatter: {},
      ...metadata,
    },
    symptoms: [],
    sections,
    lines: { start: 1, end: 40 },
    ...rest,
  };
}

/** A runbook lint has nothing to say about: it looks, acts, then verifies. */
export function cleanRunbook(title = 'Redis down'): RunbookStructure {
  return runbook(title, [
    section('diagnosis', 'Diagnosis', [step('s1', { title: 'Ping Redis', body: 'redis-cli ping', line: 6 })]),
    section('resolution', 'Resolution', [
      step('s2', { title: 'Restart Redis', body: 'systemctl restart redis', risk: 'changing', line: 12 }),
    ]),
    section('verification', 'Verification', [step('s3', { title: 'Ping again', body: 'redis-cli ping', line: 18 })]),
  ]);
}

export function draft(kind: Draft['kind'], title: string, data: Record<string, unknown>, line = 50): Draft {
  return { kind, title, data, lines: { start: line, end: line + 5 } };
}
