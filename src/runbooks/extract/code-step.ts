import type { Code, ListItem } from 'mdast';
import type { Step } from '../runbook-model.js';
import { analyzeCodeBlock } from '../steps/analyze-code-block.js';
import { linesOf } from './source-text.js';

/** A step as read from the Markdown, before its code is analysed (analysis is asynchronous). */
export interface PendingStep {
  kind: 'code' | 'manual';
  language: string | null;
  meta: string | null;
  body: string;
  title: string | null;
  phase: Step['phase'];
  lines: Step['lines'];
}

export function codeStep(block: Code, title: string | null, phase: Step['phase']): PendingStep {
  return {
    kind: 'code',
    language: block.lang ?? null,
    meta: block.meta ?? null,
    body: block.value,
    title,
    phase,
    lines: linesOf(block),
  };
}

export function manualStep(item: ListItem, body: string, title: string | null, phase: Step['phase']): PendingStep {
  return { kind: 'manual', language: null, meta: null, body: body.trim(), title, phase, lines: linesOf(item) };
}

/**
 * Analyses the code of each pending step (language, Runme attributes, parameters, risk) and
 * numbers the steps `s1`, `s2` … in the runbook's order.
 */
export async function finishSteps(pending: readonly PendingStep[], firstIndex: number): Promise<Step[]> {
  return Promise.all(
    pending.map(async (step, offset): Promise<Step> => {
      const id = `s${firstIndex + offset}`;
      if (step.kind === 'manual') {
        return {
          id,
          kind: 'manual',
          title: step.title,
          language: null,
          body: step.body,
          attributes: {},
          parameters: [],
          risk: 'read-only',
          riskReasons: [],
          phase: step.phase,
          inlineSecrets: [],
          parseError: null,
          lines: step.lines,
        };
      }
      const analysis = await analyzeCodeBlock({ lang: step.language, code: step.body, meta: step.meta });
      const firstGroupTitle = analysis.groups.find((group) => group.title !== null)?.title ?? null;
      return {
        id,
        kind: analysis.executable ? 'command' : 'config',
        title: step.title ?? analysis.attributes['name'] ?? firstGroupTitle,
        language: analysis.language,
        body: step.body,
        attributes: analysis.attributes,
        parameters: analysis.parameters.map((parameter) => ({
          name: parameter.name,
          form: parameter.form,
          secret: parameter.secret,
          token: parameter.token,
          description: null,
        })),
        risk: analysis.risk,
        riskReasons: analysis.reasons,
        phase: step.phase,
        inlineSecrets: analysis.inlineSecrets,
        parseError: analysis.parseError,
        lines: step.lines,
      };
    }),
  );
}
