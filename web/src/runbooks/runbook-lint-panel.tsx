import { useI18n } from '../i18n';
import { sourceLineId, type LintFinding } from './runbook-types';

/**
 * What lint found in the shown version, errors first. Each finding links to its line in the
 * Markdown beside, so the reader sees what it is about without counting lines.
 */
export function RunbookLintPanel({ findings }: { findings: readonly LintFinding[] }) {
  const { t } = useI18n();
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? a.line - b.line : a.severity === 'error' ? -1 : 1,
  );
  return (
    <section className="runbook-lint" aria-labelledby="runbook-lint-heading" data-testid="runbook-lint">
      <h2 id="runbook-lint-heading">{t('runbooks.lint', { count: findings.length })}</h2>
      {sorted.length === 0 ? (
        <p className="empty" data-testid="runbook-lint-clean">
          {t('runbooks.lintClean')}
        </p>
      ) : (
        <LintFindings findings={sorted} linkLines />
      )}
    </section>
  );
}

/** Findings as a list: severity in words, the line, the message, the rule name for looking it up. */
export function LintFindings({
  findings,
  linkLines = false,
}: {
  findings: readonly LintFinding[];
  linkLines?: boolean;
}) {
  const { t } = useI18n();
  return (
    <ul className="lint-findings">
      {findings.map((finding, index) => (
        <li
          key={index}
          className={`lint-finding lint-${finding.severity}`}
          data-testid="lint-finding"
          data-rule={finding.rule}
        >
          <span className={`lint-severity lint-severity-${finding.severity}`}>
            {t(`runbooks.lintSeverity.${finding.severity}`)}
          </span>{' '}
          {linkLines ? (
            <a href={`#${sourceLineId(finding.line)}`}>{t('runbooks.line', { line: finding.line })}</a>
          ) : (
            <span>{t('runbooks.line', { line: finding.line })}</span>
          )}
          {' — '}
          {finding.message} <code className="lint-rule">{finding.rule}</code>
        </li>
      ))}
    </ul>
  );
}
