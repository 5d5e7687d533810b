import { useState } from 'react';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { AdminPage } from '../admin/admin-layout';
import { SqlConnectionCard } from './sql-connection-card';
import { SqlConnectionForm } from './sql-connection-form';
import type { ListedSqlConnection } from './secrets-types';
import './secrets.css';

/**
 * `/admin/sql-connections`: the PostgreSQL databases SQL steps run on, each URL without its
 * password (the API never sends it), adding, testing, editing and deleting them.
 */
export function SqlConnectionsPage() {
  const { t } = useI18n();
  const connections = useResource<ListedSqlConnection[]>('/api/v1/sql-connections');
  const [notice, setNotice] = useState('');
  const changed = (text: string) => {
    setNotice(text);
    void connections.reload();
  };

  return (
    <AdminPage minRole="admin" title="sqlConnections.title" intro="sqlConnections.intro">
      <SqlConnectionForm onSaved={(saved) => changed(t('sqlConnections.saved', { name: saved.name }))} />
      <p className="success-inline secret-notice" role="status" data-testid="connections-notice" hidden={notice === ''}>
        {notice}
      </p>
      <LoadError error={connections.error} onRetry={connections.reload} />
      <h2>{t('sqlConnections.listHeading')}</h2>
      {connections.data === null ? (
        connections.error === null && <p>{t('app.loading')}</p>
      ) : connections.data.length === 0 ? (
        <p data-testid="connections-empty">{t('sqlConnections.empty')}</p>
      ) : (
        <ul className="secret-cards" data-testid="connections-list">
          {connections.data.map((connection) => (
            <SqlConnectionCard
              key={`${connection.name}:${connection.updatedAt}`}
              connection={connection}
              onChanged={changed}
            />
          ))}
        </ul>
      )}
    </AdminPage>
  );
}
