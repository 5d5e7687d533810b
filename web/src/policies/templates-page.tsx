import { useState } from 'react';
import { AdminPage } from '../admin/admin-layout';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import type { TemplateChoices } from './policies-types';
import { TemplateEditor } from './template-editor';
import './policies.css';

/**
 * `/admin/notification-templates`: choose a message, a language and a channel (the lists come from
 * the server's tables), then edit its parts beside the server's rendering of them.
 */
export function TemplatesPage() {
  const { t } = useI18n();
  const loaded = useResource<TemplateChoices>('/api/v1/notification-templates/choices');
  const choices = loaded.data;
  const [kind, setKind] = useState('triggered');
  const [locale, setLocale] = useState('en');
  const [channel, setChannel] = useState('email');
  const format = choices?.channels.find((row) => row.kind === channel)?.format ?? 'email';
  return (
    <AdminPage minRole="admin" title="policies.templates.title" intro="policies.templates.intro">
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {choices === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <div className="template-choice">
            <label>
              <span>{t('policies.templates.kind')}</span>
              <select value={kind} onChange={(event) => setKind(event.target.value)} data-testid="template-kind">
                {choices.kinds.map((value) => (
                  <option key={value} value={value}>
                    {t(`policies.templates.kind.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('policies.templates.locale')}</span>
              <select value={locale} onChange={(event) => setLocale(event.target.value)} data-testid="template-locale">
                {choices.locales.map((value) => (
                  <option key={value} value={value}>
                    {t(`policies.templates.locale.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('policies.templates.channel')}</span>
              <select
                value={channel}
                onChange={(event) => setChannel(event.target.value)}
                data-testid="template-channel"
              >
                {choices.channels.map((row) => (
                  <option key={row.kind} value={row.kind}>
                    {row.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <TemplateEditor key={`${kind}/${locale}/${channel}`} choice={{ kind, locale, channel, format }} />
        </>
      )}
    </AdminPage>
  );
}
