import { useState } from 'react';
import { api, withQuery } from '../api';
import { formatTime } from '../format';
import { useI18n, type Translate } from '../i18n';
import { Link } from '../router';
import type { Paged } from '../types';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { AdminPage } from './admin-layout';
import type { ApiToken, User } from './admin-types';
import { ConfirmButton } from './confirm-button';
import { SecretReveal } from './secret-reveal';
import { TokenCreateForm, type CreatedToken } from './token-create-form';

const usersPath = withQuery('/api/v1/users', { includeDeactivated: true, limit: 500 });

function tokenState(token: ApiToken, now: number, t: Translate): string {
  if (token.revokedAt !== null) return t('admin.tokens.revoked');
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now) return t('admin.tokens.expired');
  return t('admin.tokens.active');
}

/**
 * `/admin/tokens`: every API token with its owner, role and use — never its secret, which the
 * server keeps only hashed. A new token's secret is shown here once, in this page's memory only:
 * a reload shows it no more.
 */
export function TokensPage() {
  const { t, language } = useI18n();
  const tokens = useResource<ApiToken[]>('/api/v1/tokens');
  const users = useResource<Paged<User>>(usersPath);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const now = Date.now();
  const owners = new Map((users.data?.items ?? []).map((user) => [user.id, user]));
  // A runner token has no owner: it acts as no one, and can only claim and run steps.
  const ownerName = (id: string | null) => (id === null ? t('admin.tokens.noOwner') : (owners.get(id)?.username ?? id));
  const time = (iso: string | null) => (iso === null ? t('admin.never') : formatTime(iso, language, now));

  return (
    <AdminPage minRole="admin" title="admin.tokens.title" intro="admin.tokens.intro">
      {created !== null && (
        <SecretReveal
          title={t('admin.tokens.secretTitle', { name: created.token.name, owner: ownerName(created.token.userId) })}
          secret={created.secret}
          testId="token-secret"
          onDone={() => setCreated(null)}
        />
      )}
      <p className="hint" data-testid="tokens-runner-hint">
        <Link to="/admin/runners">{t('admin.tokens.runnerHint')}</Link>
      </p>
      <TokenCreateForm
        users={users.data?.items ?? []}
        onCreated={(answer) => {
          setCreated(answer);
          void tokens.reload();
        }}
      />
      <LoadError error={tokens.error ?? users.error} onRetry={() => Promise.all([tokens.reload(), users.reload()])} />
      {tokens.data === null ? (
        tokens.error === null && <p>{t('app.loading')}</p>
      ) : (
        <table className="admin-table" data-testid="tokens-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.tokens.name')}</th>
              <th scope="col">{t('admin.tokens.owner')}</th>
              <th scope="col">{t('admin.tokens.role')}</th>
              <th scope="col">{t('admin.tokens.prefix')}</th>
              <th scope="col">{t('admin.tokens.created')}</th>
              <th scope="col">{t('admin.tokens.lastUsed')}</th>
              <th scope="col">{t('admin.tokens.state')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr
                key={token.id}
                data-testid="token-row"
                data-name={token.name}
                className={token.revokedAt === null ? undefined : 'inactive'}
              >
                <th scope="row">{token.name}</th>
                <td>{ownerName(token.userId)}</td>
                <td>{t(`admin.role.${token.role}`)}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{time(token.createdAt)}</td>
                <td>{time(token.lastUsedAt)}</td>
                <td data-testid="token-row-state">
                  {tokenState(token, now, t)}
                  {token.expiresAt !== null && token.revokedAt === null
                    ? ` (${t('admin.tokens.until', { time: time(token.expiresAt) })})`
                    : ''}
                </td>
                <td>
                  <div className="row-actions">
                    {token.revokedAt === null && (
                      <ConfirmButton
                        label={t('admin.tokens.revoke')}
                        question={t('admin.tokens.revokeQuestion', { name: token.name })}
                        confirmLabel={t('admin.tokens.revokeConfirm')}
                        onConfirm={async () => {
                          await api<ApiToken>('POST', `/api/v1/tokens/${encodeURIComponent(token.id)}/revoke`);
                          await tokens.reload();
                        }}
                        testId="token-row-revoke"
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminPage>
  );
}
