import { describe, expect, it } from 'vitest';
import { extractRunbooks } from '../../src/runbooks/extract/extract-runbooks.js';
import { renderRunbookMarkdown } from '../../src/runbooks/render-runbook-markdown.js';
import type { RunbookStructure } from '../../src/runbooks/runbook-model.js';
import { seedsAvailable, seedText } from '../support/seeds.js';

/** A structure without its source positions, which an export cannot keep. */
function withoutPositions(runbook: RunbookStructure): unknown {
  return JSON.parse(
    JSON.stringify(runbook, (key, value: unknown) => (key === 'lines' || key === 'line' ? undefined : value)),
  );
}

describe.skipIf(!seedsAvailable)('exported runbooks', () => {
  for (const number of ['000', '001', '002', '003', '004']) {
    it(`import back to the same structure, for every runbook of seed ${number}`, async () => {
      const { runbooks } = await extractRunbooks(seedText(number), { filename: `${number}.md` });
      for (const runbook of runbooks) {
        const markdown = renderRunbookMarkdown(runbook);
        const again = await extractRunbooks(markdown, { filename: 'export.md' });
        expect(again.runbooks, markdown).toHaveLength(1);
        expect(withoutPositions(again.runbooks[0]!), markdown).toEqual(withoutPositions(runbook));
        expect(again.leftovers, markdown).toEqual([]);
      }
    });
  }
});
