import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { ContactForm } from './contact-form';
import type { NotificationRulesInput, PersonRules, User } from './profile-types';
import { RulesForm } from './rules-form';
import { RulesTimeline } from './rules-timeline';
import { TestPageButton } from './test-page-button';
import './profile.css';

async function loadProfile(userId: string) {
  const [user, rules] = await Promise.all([
    api<User>('GET', `/api/v1/users/${encodeURIComponent(userId)}`),
    api<PersonRules>('GET', `/api/v1/users/${encodeURIComponent(userId)}/notification-rules`),
  ]);
  return { user, rules };
}

/**
 * One person's profile: contacts, rules with their timeline beside them, and the test page. The
 * same view for `/profile` (oneself) and `/admin/users/<id>` (an admin looking at someone).
 */
export function ProfileView({ userId, self }: { userId: string; self: boolean }) {
  const { t } = useI18n();
  const loaded = useResource({ key: `profile:${userId}`, load: () => loadProfile(userId) }, { notFoundIsState: true });
  const [draft, setDraft] = useState<Required<NotificationRulesInput> | null>(null);
  const [rulesSaved, setRulesSaved] = useState(false);
  if (loaded.error !== null) return <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (loaded.notFound)
    return (
      <p role="alert" className="error">
        {t('error.notFound', { what: userId })}
      </p>
    );
  if (loaded.data === null) return <p aria-busy="true">…</p>;
  const { user, rules } = loaded.data;
  const shown = draft ?? { rules: rules.rules, locale: rules.locale };
  return (
    <div className="profile" data-testid="profile">
      <ContactForm user={user} onSaved={(updated) => loaded.set({ ...loaded.data!, user: updated })} />
      <div className="profile-rules-area">
        <RulesForm
          userId={user.id}
          draft={shown}
          kinds={rules.kinds}
          saved={rulesSaved}
          onChange={(next) => {
            setRulesSaved(false);
            setDraft(next);
          }}
          onSaved={() => setRulesSaved(true)}
        />
        <RulesTimeline rules={shown.rules} kinds={rules.kinds} user={user} />
      </div>
      <TestPageButton
        userId={user.id}
        kinds={rules.kinds}
        label={self ? t('profile.test') : t('profile.testOf', { name: user.name })}
      />
    </div>
  );
}
