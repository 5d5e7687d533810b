import { useI18n } from '../i18n';
import { useResource } from '../use-resource';
import { AdminPage } from '../admin/admin-layout';
import { CardList, Notice, useChangeNotice } from './card-list';
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
  const { notice, changed } = useChangeNotice(secrets);

  return (
    <AdminPage minRole="admin" title="secrets.title" intro="secrets.intro">
      <SecretForm onSaved={(saved) => changed(t('secrets.saved', { name: saved.name }))} />
      <Notice text={notice} testId="secrets-notice" />
      <CardList resource={secrets} heading={t('secrets.listHeading')} empty={t('secrets.empty')} testId="secrets">
        {(secret) => (
          <SecretCard key={`${secret.name}:${secret.updatedAt ?? ''}`} secret={secret} onChanged={changed} />
        )}
      </CardList>
    </AdminPage>
  );
}
