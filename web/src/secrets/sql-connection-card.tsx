import { useState } from 'react';
import { api } from '../api';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import { ConfirmButton } from '../admin/confirm-button';
import { RunbookUses } from './runbook-uses';
import { SqlConnectionForm } from './sql-connection-form';
import type { ListedSqlConnection, SqlConnectionTest } from './secrets-types';

/**
 * One connection: its URL without the password, the runbooks whose SQL steps run on it, and what
 * an admin does to it — test it (the server connects and says what happened), edit it, delete it.
 * The test's answer stays on the card until the next test or edit: it is what the admin came for.
 */
export function SqlConnectionCard({
  connection,
  onChanged,
}: {
  connection: ListedSqlConnection;
  onChanged: (notice: string) => void;
}) {
  const { t, language } = useI18n();
  const [editing, setEditing] = useState(false);
  const [result, setResult] = useState<SqlConnectionTest | null>(null);
  const testing = useAction();
  const path = `/api/v1/sql-connections/${encodeURIComponent(connection.name)}`;
  const count = connection.usedBy.length;

  const test = () =>
    testing.run(async () => {
      setResult(null);
      setResult(await api<SqlConnectionTest>('POST', `${path}/test`));
    });

  return (
    <li className="secret-card" data-testid="connection-card" data-name={connection.name}>
      <div className="secret-head">
        <h3>{connection.name}</h3>
      </div>
      <code className="connection-url" data-testid="connection-url">
        {connection.displayUrl}
      </code>
      {connection.description !== null && <p className="secret-description">{connection.description}</p>}
      <p className="hint">
        {t('sqlConnections.updated', { time: formatTime(connection.updatedAt, language), who: connection.updatedBy })}
      </p>
      <RunbookUses uses={connection.usedBy} label={t('sqlConnections.usedBy')} none={t('sqlConnections.unused')} />
      <div className="row-actions">
        <button
          type="button"
          disabled={testing.busy}
          aria-label={t('sqlConnections.testLabel', { name: connection.name })}
          onClick={() => void test()}
          data-testid="connection-test"
        >
          {testing.busy ? t('sqlConnections.testing') : t('sqlConnections.test')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={editing}
          aria-label={t('sqlConnections.editLabel', { name: connection.name })}
          onClick={() => setEditing(!editing)}
          data-testid="connection-edit"
        >
          {t('sqlConnections.edit')}
        </button>
        <ConfirmButton
          label={t('sqlConnections.delete')}
          question={
            count === 0
              ? t('sqlConnections.deleteQuestion', { name: connection.name })
              : t('sqlConnections.deleteQuestionUsed', { name: connection.name, count })
          }
          confirmLabel={t('sqlConnections.deleteConfirm')}
          onConfirm={async () => {
            await api<void>('DELETE', path);
            onChanged('');
          }}
          testId="connection-delete"
        />
      </div>
      <div role="status" data-testid="connection-test-result">
        {result !== null && (
          <p className={`connection-test ${result.ok ? 'connection-test-ok' : 'connection-test-failed'}`}>
            {result.ok
              ? t('sqlConnections.connected', { ms: result.durationMs, version: result.serverVersion ?? '' })
              : t('sqlConnections.failed', { ms: result.durationMs, error: result.error ?? '' })}
          </p>
        )}
        {testing.error !== null && <p className="connection-test connection-test-failed">{testing.error}</p>}
      </div>
      {editing && (
        <SqlConnectionForm
          existing={connection}
          onSaved={(saved) => {
            setEditing(false);
            setResult(null);
            onChanged(t('sqlConnections.saved', { name: saved.name }));
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </li>
  );
}
