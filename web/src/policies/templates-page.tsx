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
            <Choice
              name="kind"
              value={kind}
              onChange={setKind}
              options={choices.kinds.map((value) => [value, t(`policies.templates.kind.${value}`)])}
            />
            <Choice
              name="locale"
              value={locale}
              onChange={setLocale}
              options={choices.locales.map((value) => [value, t(`policies.templates.locale.${value}`)])}
            />
            <Choice
              name="channel"
              value={channel}
              onChange={setChannel}
              options={choices.channels.map((row) => [row.kind, row.label])}
            />
          </div>
          <TemplateEditor key={`${kind}/${locale}/${channel}`} choice={{ kind, locale, channel, format }} />
        </>
      )}
    </AdminPage>
  );
}

/** One of the three lists a template is chosen by, its options as [value, label]. */
function Choice({
  name,
  value,
  onChange,
  options,
}: {
  name: 'kind' | 'locale' | 'channel';
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
}) {
  const { t } = useI18n();
  return (
    <label>
      <span>{t(`policies.templates.${name}`)}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={`template-${name}`}>
        {options.map(([option, label]) => (
          <option key={option} value={option}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
