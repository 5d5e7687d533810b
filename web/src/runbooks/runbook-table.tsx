import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { runbookPath, type RunbookSummary } from './runbook-types';

/**
 * The runbooks as a table. The title is the only link, so a keyboard user crosses the list with
 * one Tab per runbook; the other cells are what one scans for before choosing.
 */
export function RunbookTable({ runbooks }: { runbooks: readonly RunbookSummary[] }) {
  const { language, t } = useI18n();
  return (
    <table className="runbook-table" data-testid="runbook-table">
      <thead>
        <tr>
          <th scope="col">{t('runbooks.colTitle')}</th>
          <th scope="col">{t('runbooks.colKind')}</th>
          <th scope="col">{t('runbooks.colLanguage')}</th>
          <th scope="col">{t('runbooks.colVersion')}</th>
          <th scope="col">{t('runbooks.colSteps')}</th>
          <th scope="col">{t('runbooks.colChanged')}</th>
        </tr>
      </thead>
      <tbody>
        {runbooks.map((runbook) => (
          <tr key={runbook.id} data-testid="runbook-row" data-runbook-id={runbook.id}>
            <td className="runbook-title">
              <Link to={runbookPath(runbook.id)}>{runbook.title}</Link>
              {runbook.severity !== null && <span className="runbook-severity"> · {runbook.severity}</span>}
              <div className="runbook-id">{runbook.id}</div>
            </td>
            <td>{t(`runbooks.kind.${runbook.kind}`)}</td>
            <td>{t(`runbooks.language.${runbook.language}`)}</td>
            <td className="numeric" data-testid="runbook-version">
              {runbook.currentVersion}
            </td>
            <td className="numeric">{runbook.steps}</td>
            <td className="numeric">
              <time dateTime={runbook.updatedAt}>{formatTime(runbook.updatedAt, language)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
