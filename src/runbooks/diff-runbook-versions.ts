import { createTwoFilesPatch } from 'diff';
import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { loadRunbookVersion } from './load-runbook-version.js';
import { renderRunbookMarkdown } from './render-runbook-markdown.js';
import type { RunbookDiff } from './runbook-api-model.js';
import { canonicalJson } from './runbook-hash.js';
import type { RunbookStructure, Step } from './runbook-model.js';

export const DiffRunbookQuery = Type.Object(
  {
    from: Type.Integer({ minimum: 1 }),
    to: Type.Optional(Type.Integer({ minimum: 1, description: 'default the current version' })),
  },
  { additionalProperties: false },
);
export type DiffRunbookQuery = Static<typeof DiffRunbookQuery>;

/** Step fields a reader cares about; positions are left out (they move with everything above). */
const comparedFields = [
  'kind',
  'title',
  'language',
  'body',
  'attributes',
  'phase',
  'risk',
] as const satisfies readonly (keyof Step)[];

/**
 * What changed between two versions of a runbook: a unified diff of their canonical Markdown, and
 * a summary — title, sections added or removed, steps added, removed or changed by id.
 */
export async function diffRunbookVersions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & DiffRunbookQuery;
}): Promise<RunbookDiff> {
  requireRole(ctx, 'viewer');
  const from = await loadRunbookVersion(ctx.db, input.id, input.from);
  const to = await loadRunbookVersion(ctx.db, input.id, input.to);
  const patch = createTwoFilesPatch(
    `${input.id}@v${from.version}.md`,
    `${input.id}@v${to.version}.md`,
    renderRunbookMarkdown(from.structure),
    renderRunbookMarkdown(to.structure),
    undefined,
    undefined,
    { context: 3 },
  );
  return { runbookId: input.id, from: from.version, to: to.version, patch, ...summarise(from.structure, to.structure) };
}

function summarise(
  before: RunbookStructure,
  after: RunbookStructure,
): Pick<RunbookDiff, 'title' | 'sections' | 'steps'> {
  const titlesBefore = before.sections.map((section) => section.title);
  const titlesAfter = after.sections.map((section) => section.title);
  const stepsBefore = new Map(allSteps(before).map((step) => [step.id, step]));
  const stepsAfter = new Map(allSteps(after).map((step) => [step.id, step]));
  const ref = (step: Step): { id: string; title: string | null } => ({ id: step.id, title: step.title });
  const changed: RunbookDiff['steps']['changed'] = [];
  for (const [id, step] of stepsAfter) {
    const old = stepsBefore.get(id);
    if (old === undefined) continue;
    const fields = comparedFields.filter((field) => canonicalJson(old[field]) !== canonicalJson(step[field]));
    if (fields.length > 0) changed.push({ ...ref(step), fields });
  }
  return {
    title: before.title === after.title ? null : { from: before.title, to: after.title },
    sections: {
      added: titlesAfter.filter((title) => !titlesBefore.includes(title)),
      removed: titlesBefore.filter((title) => !titlesAfter.includes(title)),
    },
    steps: {
      added: [...stepsAfter.values()].filter((step) => !stepsBefore.has(step.id)).map(ref),
      removed: [...stepsBefore.values()].filter((step) => !stepsAfter.has(step.id)).map(ref),
      changed,
    },
  };
}

function allSteps(runbook: RunbookStructure): Step[] {
  return runbook.sections.flatMap((section) => section.steps);
}
