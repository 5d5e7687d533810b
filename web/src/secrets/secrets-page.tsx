import { useState } from 'react';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { AdminPage } from '../admin/admin-layout';
import { SecretCard } from './secret-card';
import { SecretForm } from './secret-form';
import type { ListedSecret } from './secrets-types';
import './secrets.css';

/**
 * `/admin/secrets`: the secrets runbook steps can use, by name — never a value: the API sends
 * none, and the page forgets what was typed once it is stored. Adding one, replacing a value,
 * deleting one (asked first, naming the runbooks that use it).
 */
export function SecretsPage() {
  const { t } = useI18n();
  const secrets = useResource<ListedSecret[]>('/api/v1/secrets');
  const [notice, setNotice] = useState('');
  const changed = (text: string) => {
    setNotice(text);
    void secrets.reload();
  };

  return (
    <AdminPage minRole="admin" title="secrets.title" intro="secrets.intro">
      <SecretForm onSaved={(saved) => changed(t('secrets.saved', { name: saved.name }))} />
      <p className="success-inline secret-notice" role="status" data-testid="secrets-notice" hidden={notice === ''}>
        {notice}
      </p>
      <LoadError error={secrets.error} onRetry={secrets.reload} />
      <h2>{t('secrets.listHeading')}</h2>
      {secrets.data === null ? (
        secrets.error === null && <p>{t('app.loading')}</p>
      ) : secrets.data.length === 0 ? (
        <p data-testid="secrets-empty">{t('secrets.empty')}</p>
      ) : (
        <ul className="secret-cards" data-testid="secrets-list">
          {secrets.data.map((secret) => (
            <SecretCard key={`${secret.name}:${secret.updatedAt ?? ''}`} secret={secret} onChanged={changed} />
          ))}
        </ul>
      )}
    </AdminPage>
  );
}
