import { useState } from 'react';
import { api } from '../api';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { useI18n, type MessageKey } from '../i18n';
import type { User } from './profile-types';

const fields = ['/email', '/phone', '/chatHandle', '/timeZone'] as const;
// Every zone this browser knows: typing filters the list (a select of 400 zones is no use on a phone).
const zones = Intl.supportedValuesOf('timeZone');

type Draft = { email: string; phone: string; chatHandle: string; timeZone: string };

/**
 * Where pages reach the person — e-mail, phone, chat handle — and the time zone their pages'
 * times are written in. Empty phone or handle removes it (null, as the API takes it).
 */
export function ContactForm({ user, onSaved }: { user: User; onSaved: (user: User) => void }) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [saved, setSaved] = useState(false);
  const [draft, setDraft] = useState<Draft>({
    email: user.email,
    phone: user.phone ?? '',
    chatHandle: user.chatHandle ?? '',
    timeZone: user.timeZone,
  });
  const save = async () => {
    setSaved(false);
    await form.submit(async () => {
      const updated = await api<User>('PATCH', `/api/v1/users/${encodeURIComponent(user.id)}`, {
        email: draft.email,
        phone: draft.phone.trim() === '' ? null : draft.phone.trim(),
        chatHandle: draft.chatHandle.trim() === '' ? null : draft.chatHandle.trim(),
        timeZone: draft.timeZone,
      });
      setSaved(true);
      onSaved(updated);
    });
  };
  const field = (name: keyof Draft, label: MessageKey, hint: MessageKey | null, props: Record<string, unknown>) => (
    <label>
      <span>{t(label)}</span>
      <input
        value={draft[name]}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
        data-testid={`profile-${name}`}
        {...props}
        {...form.describe(`/${name}`)}
      />
      {hint !== null && <span className="hint">{t(hint)}</span>}
      <FieldError form={form} path={`/${name}`} />
    </label>
  );
  return (
    <form
      ref={form.formRef}
      className="profile-contacts"
      aria-labelledby="profile-contacts-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="profile-contacts-title">{t('profile.contacts')}</h2>
      {field('email', 'profile.email', null, { type: 'email', required: true, autoComplete: 'email' })}
      {field('phone', 'profile.phone', 'profile.phoneHint', { type: 'tel', autoComplete: 'tel' })}
      {field('chatHandle', 'profile.chatHandle', 'profile.chatHint', {})}
      {field('timeZone', 'profile.timeZone', 'profile.timeZoneHint', { list: 'profile-zones', required: true })}
      <datalist id="profile-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <FormError form={form} />
      <p>
        <button type="submit" disabled={form.busy} data-testid="profile-save-contacts">
          {t('profile.saveContacts')}
        </button>{' '}
        <span role="status">{saved && <span className="success-inline">{t('profile.contactsSaved')}</span>}</span>
      </p>
    </form>
  );
}
