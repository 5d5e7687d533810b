import { useI18n } from '../i18n';
import { useResource } from '../use-resource';
import { AdminPage } from '../admin/admin-layout';
import { CardList, Notice, useChangeNotice } from './card-list';
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
  const { notice, changed } = useChangeNotice(connections);

  return (
    <AdminPage minRole="admin" title="sqlConnections.title" intro="sqlConnections.intro">
      <SqlConnectionForm onSaved={(saved) => changed(t('sqlConnections.saved', { name: saved.name }))} />
      <Notice text={notice} testId="connections-notice" />
      <CardList
        resource={connections}
        heading={t('sqlConnections.listHeading')}
        empty={t('sqlConnections.empty')}
        testId="connections"
      >
        {(connection) => (
          <SqlConnectionCard
            key={`${connection.name}:${connection.updatedAt}`}
            connection={connection}
            onChanged={changed}
          />
        )}
      </CardList>
    </AdminPage>
  );
}
