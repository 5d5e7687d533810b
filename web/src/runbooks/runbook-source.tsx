import { useI18n } from '../i18n';
import { sourceLineId } from './runbook-types';

/**
 * The runbook's Markdown as it was written (after encoding repairs), numbered with the lines of
 * the file it came from: the numbers lint findings and steps give are the ones shown here.
 */
export function RunbookSource({
  markdown,
  firstLine,
  language,
}: {
  markdown: string;
  firstLine: number;
  language: string;
}) {
  const { t } = useI18n();
  const lines = markdown.replace(/\n$/, '').split('\n');
  return (
    <section className="runbook-source" aria-labelledby="runbook-source-heading">
      <h2 id="runbook-source-heading">{t('runbooks.markdown')}</h2>
      <pre
        className="source-lines"
        data-testid="runbook-markdown"
        lang={language}
        tabIndex={0}
        aria-label={t('runbooks.markdown')}
      >
        {lines.map((line, index) => {
          const number = firstLine + index;
          return (
            // The number is drawn by CSS from data-line: copying the Markdown does not copy the numbers.
            <span key={number} id={sourceLineId(number)} className="source-line" data-line={number}>
              {line}
              {'\n'}
            </span>
          );
        })}
      </pre>
    </section>
  );
}
