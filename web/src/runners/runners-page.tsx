import { useState } from 'react';
import { AdminPage } from '../admin/admin-layout';
import { SecretReveal } from '../admin/secret-reveal';
import { useNow } from '../format';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { pageRefreshMs, useResource } from '../use-resource';
import { RunnerCard } from './runner-card';
import { RunnerCommand } from './runner-command';
import { RunnerTokenForm, type NewRunner } from './runner-token-form';
import { listRunners, runnerCommand } from './runners-api';

/**
 * `/admin/runners`: every runner seen this week, connected ones first, read again every minute
 * (a runner that stops shows as such without a reload), and the way to add one: a runner token,
 * whose secret is shown once with the command that starts a runner with it.
 */
export function RunnersPage() {
  const { t } = useI18n();
  const runners = useResource({ key: 'runners', load: listRunners }, { refreshMs: pageRefreshMs });
  const [added, setAdded] = useState<NewRunner | null>(null);
  const now = useNow();
  const connected = runners.data?.filter((runner) => runner.connected).length ?? 0;

  return (
    <AdminPage minRole="admin" title="runners.title" intro="runners.intro">
      {added !== null && (
        <SecretReveal
          title={t('runners.secretTitle', { name: added.created.token.name })}
          secret={added.created.secret}
          testId="runner-token-secret"
          onDone={() => setAdded(null)}
        >
          <RunnerCommand
            command={runnerCommand({
              secret: added.created.secret,
              name: added.created.token.name,
              labels: added.labels,
            })}
          />
        </SecretReveal>
      )}
      <section aria-labelledby="runners-list-heading">
        <h2 id="runners-list-heading">{t('runners.listHeading')}</h2>
        <LoadError error={runners.error} onRetry={runners.reload} />
        {runners.data === null ? (
          runners.error === null && <p>{t('app.loading')}</p>
        ) : runners.data.length === 0 ? (
          <p className="empty" data-testid="runners-empty">
            {t('runners.empty')}
          </p>
        ) : (
          <>
            <p className="count" data-testid="runners-count">
              {t('runners.count', { connected, total: runners.data.length })}
            </p>
            <ul className="runner-cards" data-testid="runners-list">
              {runners.data.map((runner) => (
                <RunnerCard key={runner.id} runner={runner} now={now} onChanged={() => void runners.reload()} />
              ))}
            </ul>
          </>
        )}
      </section>
      <RunnerTokenForm onCreated={setAdded} />
    </AdminPage>
  );
}
