import { useI18n } from '../i18n';
import type { RunbookDiff } from './runbook-types';

type PatchLine = { kind: 'added' | 'removed' | 'hunk' | 'same'; text: string };

/**
 * The unified diff's lines after its file headers, each with its kind. The `+`/`-` stays in the
 * text: the change reads without the colours (printed, or for a colour-blind reader).
 */
function patchLines(patch: string): PatchLine[] {
  const lines = patch.split('\n');
  const start = lines.findIndex((line) => line.startsWith('@@'));
  if (start < 0) return [];
  return lines
    .slice(start)
    .filter((line, index, all) => !(line === '' && index === all.length - 1))
    .map((text) => ({
      kind: text.startsWith('@@') ? 'hunk' : text.startsWith('+') ? 'added' : text.startsWith('-') ? 'removed' : 'same',
      text,
    }));
}

/** What changed between two versions: the summary first (title, sections, steps), then the Markdown diff. */
export function RunbookDiffView({ diff }: { diff: RunbookDiff }) {
  const { t } = useI18n();
  const lines = patchLines(diff.patch);
  const stepName = (step: { id: string; title: string | null }) =>
    step.title === null ? step.id : `${step.id} (${step.title})`;
  const facts: string[] = [];
  if (diff.title !== null) facts.push(t('runbooks.diffTitle', { from: diff.title.from, to: diff.title.to }));
  for (const title of diff.sections.added) facts.push(t('runbooks.diffSectionAdded', { title }));
  for (const title of diff.sections.removed) facts.push(t('runbooks.diffSectionRemoved', { title }));
  for (const step of diff.steps.added) facts.push(t('runbooks.diffStepAdded', { step: stepName(step) }));
  for (const step of diff.steps.removed) facts.push(t('runbooks.diffStepRemoved', { step: stepName(step) }));
  for (const step of diff.steps.changed)
    facts.push(t('runbooks.diffStepChanged', { step: stepName(step), fields: step.fields.join(', ') }));
  return (
    <div className="runbook-diff" data-testid="runbook-diff" aria-live="polite">
      <h3>{t('runbooks.diffHeading', { from: diff.from, to: diff.to })}</h3>
      {lines.length === 0 ? (
        <p className="empty">{t('runbooks.diffNone')}</p>
      ) : (
        <>
          {facts.length > 0 && (
            <ul className="diff-summary" data-testid="runbook-diff-summary">
              {facts.map((fact) => (
                <li key={fact}>{fact}</li>
              ))}
            </ul>
          )}
          <pre
            className="diff-patch"
            data-testid="runbook-diff-patch"
            tabIndex={0}
            aria-label={t('runbooks.diffPatch')}
          >
            {lines.map((line, index) => (
              <span key={index} className={`diff-line diff-${line.kind}`}>
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </>
      )}
    </div>
  );
}
