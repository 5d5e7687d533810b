import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { matcherOperators, type LabelMatcher, type MatcherOperator, type Silence } from './admin-types';
import { FieldError, FormError, useAdminForm } from './form-feedback';

/** Durations offered: long enough for a deploy or a night, never "forever" (a forgotten silence hides a real outage). */
const durations = [30, 60, 120, 240, 480, 1440, 4320, 10080] as const;
const blank = (): LabelMatcher => ({ name: 'alertname', operator: '=', value: '' });

/**
 * Mutes the alerts matching every matcher (Alertmanager's `=`, `!=`, `=~`, `!~`, regexes anchored)
 * from now for a duration, with a comment saying why. The server refuses a silence that would
 * mute everything, and says which matcher is wrong.
 */
export function SilenceCreateForm({ onCreated }: { onCreated: (silence: Silence) => void }) {
  const { t } = useI18n();
  const [matchers, setMatchers] = useState<LabelMatcher[]>([blank()]);
  const [minutes, setMinutes] = useState<number>(120);
  const [comment, setComment] = useState('');
  const form = useAdminForm(['/matchers', ...matchers.map((_, index) => `/matchers/${index}`), '/endsAt', '/comment']);

  const change = (index: number, patch: Partial<LabelMatcher>) =>
    setMatchers((current) => current.map((matcher, at) => (at === index ? { ...matcher, ...patch } : matcher)));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(async () => {
      const endsAt = new Date(Date.now() + minutes * 60_000).toISOString();
      const silence = await api<Silence>('POST', '/api/v1/silences', {
        matchers: matchers.map((matcher) => ({ ...matcher, name: matcher.name.trim() })),
        endsAt,
        comment: comment.trim(),
      });
      setMatchers([blank()]);
      setComment('');
      onCreated(silence);
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="silence-create-heading"
      noValidate
    >
      <h2 id="silence-create-heading">{t('admin.silences.create')}</h2>
      <fieldset>
        <legend>{t('admin.silences.matchers')}</legend>
        <p className="hint">{t('admin.silences.matchersHint')}</p>
        {matchers.map((matcher, index) => (
          <div className="form-row matcher-row" key={index} data-testid="silence-matcher">
            <label>
              <span>{t('admin.silences.label', { n: index + 1 })}</span>
              <input
                required
                value={matcher.name}
                onChange={(event) => change(index, { name: event.target.value })}
                data-testid="silence-matcher-name"
                {...form.describe(`/matchers/${index}`)}
              />
            </label>
            <label>
              <span>{t('admin.silences.operator')}</span>
              <select
                value={matcher.operator}
                onChange={(event) => change(index, { operator: event.target.value as MatcherOperator })}
                data-testid="silence-matcher-operator"
              >
                {matcherOperators.map((operator) => (
                  <option key={operator} value={operator}>{`${operator} ${t(`admin.silences.op.${operator}`)}`}</option>
                ))}
              </select>
            </label>
            <label className="grow">
              <span>{t('admin.silences.value')}</span>
              <input
                value={matcher.value}
                onChange={(event) => change(index, { value: event.target.value })}
                data-testid="silence-matcher-value"
              />
            </label>
            {matchers.length > 1 && (
              <button
                type="button"
                className="secondary"
                onClick={() => setMatchers((current) => current.filter((_, at) => at !== index))}
                aria-label={t('admin.silences.removeMatcher', { n: index + 1 })}
              >
                {t('admin.silences.remove')}
              </button>
            )}
            <FieldError form={form} path={`/matchers/${index}`} />
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setMatchers((current) => [...current, { ...blank(), name: '' }])}
          data-testid="silence-add-matcher"
        >
          {t('admin.silences.addMatcher')}
        </button>
        <FieldError form={form} path="/matchers" />
      </fieldset>
      <div className="form-row">
        <label>
          <span>{t('admin.silences.duration')}</span>
          <select
            value={minutes}
            onChange={(event) => setMinutes(Number(event.target.value))}
            data-testid="silence-duration"
            {...form.describe('/endsAt')}
          >
            {durations.map((value) => (
              <option key={value} value={value}>
                {durationLabel(value, t)}
              </option>
            ))}
          </select>
          <FieldError form={form} path="/endsAt" />
        </label>
        <label className="grow">
          <span>{t('admin.silences.comment')}</span>
          <input
            required
            maxLength={2000}
            value={comment}
            placeholder={t('admin.silences.commentPlaceholder')}
            onChange={(event) => setComment(event.target.value)}
            data-testid="silence-comment"
            {...form.describe('/comment')}
          />
          <FieldError form={form} path="/comment" />
        </label>
        <button type="submit" disabled={form.busy} data-testid="silence-create-submit">
          {form.busy ? t('admin.saving') : t('admin.silences.createSubmit')}
        </button>
      </div>
      <FormError form={form} />
    </form>
  );
}

/** "2 h", "3 d", "30 min" in the page's language. */
export function durationLabel(minutes: number, t: ReturnType<typeof useI18n>['t']): string {
  if (minutes % 1440 === 0) return t('admin.duration.days', { n: minutes / 1440 });
  if (minutes % 60 === 0) return t('admin.duration.hours', { n: minutes / 60 });
  return t('admin.duration.minutes', { n: minutes });
}
