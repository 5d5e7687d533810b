import { useI18n } from '../i18n';
import { Link } from '../router';
import { LintFindings } from './runbook-lint-panel';
import { groupRepairs, runbookPath, type ImportReport } from './runbook-types';

/**
 * What one file's import found and did. Nothing is left out: every runbook and draft with its
 * lines, every part that became nothing and why, lint, and each encoding repair — so the person
 * who uploaded it can check the import against the file.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const { decode } = report;
  const repairs = groupRepairs(decode.repairs.examples);
  return (
    <article className="import-report" data-testid="import-report" data-filename={report.filename}>
      <h3>{report.filename}</h3>
      <p className="count" data-testid="import-decode">
        {t('runbooks.decoded', { encoding: decode.encoding, endings: decode.lineEndings.toUpperCase() })}
      </p>

      {decode.repairs.count > 0 && (
        <div className="report-part" data-testid="import-repairs">
          <h4>{t('runbooks.repairs', { count: decode.repairs.count, codepage: decode.repairs.codepage ?? '?' })}</h4>
          <ul>
            {repairs.map((repair) => (
              <li key={`${repair.from}→${repair.to}`} data-testid="import-repair">
                <code>{repair.from}</code> → <code>{repair.to}</code>{' '}
                <span className="count">({t('runbooks.onLines', { lines: repair.lines.join(', ') })})</span>
              </li>
            ))}
          </ul>
          {decode.repairs.count > decode.repairs.examples.length && (
            <p className="count">
              {t('runbooks.repairsMore', { count: decode.repairs.count - decode.repairs.examples.length })}
            </p>
          )}
        </div>
      )}
      {decode.repairs.unrepaired > 0 && (
        <p className="step-warning" role="note">
          {t('runbooks.unrepaired', { count: decode.repairs.unrepaired })}
        </p>
      )}

      <div className="report-part">
        <h4>{t('runbooks.reportRunbooks', { count: report.runbooks.length })}</h4>
        {report.runbooks.length === 0 ? (
          <p className="empty">{t('runbooks.reportNoRunbook')}</p>
        ) : (
          <ul>
            {report.runbooks.map((runbook) => (
              <li key={runbook.id} data-testid="import-runbook" data-status={runbook.status}>
                <span className={`import-status import-${runbook.status}`}>
                  {t(`runbooks.status.${runbook.status}`)}
                </span>{' '}
                <Link to={runbookPath(runbook.id)}>{runbook.title}</Link>{' '}
                <span className="count">
                  {t('runbooks.reportRunbookFacts', {
                    version: runbook.version,
                    steps: runbook.steps,
                    sections: runbook.sections,
                    start: runbook.lines.start,
                    end: runbook.lines.end,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      {report.drafts.length > 0 && (
        <div className="report-part" data-testid="import-drafts">
          <h4>{t('runbooks.reportDrafts', { count: report.drafts.length })}</h4>
          <ul>
            {report.drafts.map((draft) => (
              <li key={draft.id}>
                {draft.title}{' '}
                <span className="count">
                  ({t(`runbooks.draft.${draft.kind}`)} ·{' '}
                  {t('runbooks.lines', { start: draft.lines.start, end: draft.lines.end })}
                  {draft.status === 'existing' ? ` · ${t('runbooks.draftExisting')}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {report.leftovers.length > 0 && (
        <div className="report-part" data-testid="import-leftovers">
          <h4>{t('runbooks.reportLeftovers', { count: report.leftovers.length })}</h4>
          <ul>
            {report.leftovers.map((leftover, index) => (
              <li key={index}>
                <strong>{t('runbooks.lines', { start: leftover.lines.start, end: leftover.lines.end })}</strong>
                {leftover.heading !== null && <> — {leftover.heading}</>}: {leftover.reason}
                <pre className="leftover-excerpt">{leftover.excerpt}</pre>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="report-part" data-testid="import-lint">
        <h4>{t('runbooks.lint', { count: report.lint.length })}</h4>
        {report.lint.length === 0 ? (
          <p className="empty">{t('runbooks.lintClean')}</p>
        ) : (
          <LintFindings findings={report.lint} />
        )}
      </div>
    </article>
  );
}
