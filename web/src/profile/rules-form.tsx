import { api } from '../api';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { notificationLocales, ruleUrgencies, type NotificationRulesInput, type PersonRules } from './profile-types';

type Draft = Required<NotificationRulesInput>;
const maxRules = 10;
const languageNames: Record<Draft['locale'], string> = { en: 'English', fr: 'Français' };

/**
 * The person's notification rules — a channel kind, a delay and the urgency of the pages it is
 * for each, in any order (the preview sorts them) — and the language of their notifications, saved together as the API takes them.
 * Kinds without a channel stay choosable (an admin may set one up later) but say so.
 */
export function RulesForm({
  userId,
  draft,
  kinds,
  onChange,
  onSaved,
  saved,
}: {
  userId: string;
  draft: Draft;
  kinds: PersonRules['kinds'];
  onChange: (draft: Draft) => void;
  onSaved: () => void;
  saved: boolean;
}) {
  const { t } = useI18n();
  const fields = ['/rules', '/locale', ...draft.rules.map((_, index) => `/rules/${index}`)];
  const form = useAdminForm(fields);
  const setRule = (index: number, change: Partial<Draft['rules'][number]>) =>
    onChange({ ...draft, rules: draft.rules.map((rule, at) => (at === index ? { ...rule, ...change } : rule)) });
  const save = async () => {
    const done = await form.submit(async () => {
      await api('PUT', `/api/v1/users/${encodeURIComponent(userId)}/notification-rules`, draft);
    });
    if (done) onSaved();
  };
  return (
    <form
      ref={form.formRef}
      className="profile-rules"
      aria-labelledby="profile-rules-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="profile-rules-title">{t('profile.rules')}</h2>
      <p className="hint">{t('profile.rulesHint')}</p>
      <p className="hint" id="profile-urgency-hint">
        {t('profile.urgency.hint')}
      </p>
      {draft.rules.map((rule, index) => (
        <fieldset key={index} className="profile-rule" data-testid="profile-rule">
          <legend>{t('profile.rule', { n: index + 1 })}</legend>
          <label>
            <span>{t('profile.channel')}</span>
            <select
              value={rule.channel}
              onChange={(event) => setRule(index, { channel: event.target.value as typeof rule.channel })}
              data-testid="profile-rule-channel"
              {...form.describe(`/rules/${index}`)}
            >
              {kinds.map((kind) => (
                <option key={kind.kind} value={kind.kind}>
                  {kind.enabled ? kind.label : t('profile.noChannel', { label: kind.label })}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('profile.delay')}</span>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={1440}
              required
              value={rule.delayMinutes}
              onChange={(event) =>
                setRule(index, { delayMinutes: Math.max(0, Math.trunc(Number(event.target.value))) })
              }
              data-testid="profile-rule-delay"
            />
          </label>
          <label>
            <span>{t('profile.urgency.label')}</span>
            <select
              value={rule.urgency ?? 'any'}
              onChange={(event) => setRule(index, { urgency: event.target.value as typeof rule.urgency })}
              aria-describedby="profile-urgency-hint"
              data-testid="profile-rule-urgency"
            >
              {ruleUrgencies.map((urgency) => (
                <option key={urgency} value={urgency}>
                  {t(`profile.urgency.${urgency}`)}
                </option>
              ))}
            </select>
          </label>
          <FieldError form={form} path={`/rules/${index}`} />
          {draft.rules.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => onChange({ ...draft, rules: draft.rules.filter((_, at) => at !== index) })}
            >
              {t('profile.removeRule', { n: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {draft.rules.length < maxRules && (
        <button
          type="button"
          className="secondary"
          data-testid="profile-add-rule"
          onClick={() => {
            const last = draft.rules.at(-1);
            const delayMinutes = last === undefined ? 0 : last.delayMinutes + 5;
            const rule = { channel: kinds[0]?.kind ?? 'email', delayMinutes, urgency: 'any' as const };
            onChange({ ...draft, rules: [...draft.rules, rule] });
          }}
        >
          {t('profile.addRule')}
        </button>
      )}
      <label>
        <span>{t('profile.language')}</span>
        <select
          value={draft.locale}
          onChange={(event) => onChange({ ...draft, locale: event.target.value === 'fr' ? 'fr' : 'en' })}
          data-testid="profile-locale"
          {...form.describe('/locale')}
        >
          {notificationLocales.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageNames[code]}
            </option>
          ))}
        </select>
      </label>
      <FieldError form={form} path="/rules" />
      <FormError form={form} />
      <p>
        <button type="submit" disabled={form.busy} data-testid="profile-save-rules">
          {t('profile.saveRules')}
        </button>{' '}
        <span role="status">{saved && <span className="success-inline">{t('profile.rulesSaved')}</span>}</span>
      </p>
    </form>
  );
}
