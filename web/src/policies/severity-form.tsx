import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import type { SeverityPolicy, UpdateSeverityPolicyInput } from './policies-types';

const fields = ['/name', '/description', '/resolutionTargetMinutes', '/statusUpdateMinutes'] as const;

// An empty box means "no target" (null); anything else is sent as typed, for the server to judge.
const minutesOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/**
 * One severity, edited where it is listed: its name, meaning and two targets, saved alone. The
 * server's refusal shows under the field it names (a target of 0, an empty name).
 */
export function SeverityForm({
  policy,
  onSaved,
}: {
  policy: SeverityPolicy;
  onSaved: (saved: SeverityPolicy) => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [name, setName] = useState(policy.name);
  const [description, setDescription] = useState(policy.description);
  const [target, setTarget] = useState(policy.resolutionTargetMinutes?.toString() ?? '');
  const [cadence, setCadence] = useState(policy.statusUpdateMinutes?.toString() ?? '');
  const [saved, setSaved] = useState(false);
  const id = `severity-${policy.severity}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const changes: UpdateSeverityPolicyInput = {
      name: name.trim(),
      description: description.trim(),
      resolutionTargetMinutes: minutesOf(target),
      statusUpdateMinutes: minutesOf(cadence),
    };
    const ok = await form.submit(async () => {
      onSaved(await api<SeverityPolicy>('PATCH', `/api/v1/severity-policies/${policy.severity}`, changes));
    });
    setSaved(ok);
  };

  const minutesField = (name: 'target' | 'cadence', path: string, value: string, set: (next: string) => void) => (
    <label>
      <span>{t(`policies.severity.${name}`)}</span>
      <input
        inputMode="numeric"
        value={value}
        onChange={(event) => set(event.target.value)}
        data-testid={`severity-${name}`}
        {...form.describe(path)}
      />
      <span className="hint">{t('policies.severity.noneHint')}</span>
      <FieldError form={form} path={path} />
    </label>
  );

  return (
    <form
      ref={form.formRef}
      className="admin-form severity-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-heading`}
      data-testid={`severity-form-${policy.severity}`}
      noValidate
    >
      <h2 id={`${id}-heading`}>
        <span className={`severity severity-${policy.severity.toLowerCase()}`}>{policy.severity}</span> {policy.name}
      </h2>
      <label>
        <span>{t('policies.severity.name')}</span>
        <input value={name} onChange={(event) => setName(event.target.value)} {...form.describe('/name')} />
        <FieldError form={form} path="/name" />
      </label>
      <label>
        <span>{t('policies.severity.description')}</span>
        <textarea
          rows={2}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          {...form.describe('/description')}
        />
        <FieldError form={form} path="/description" />
      </label>
      <div className="form-row">
        {minutesField('target', '/resolutionTargetMinutes', target, setTarget)}
        {minutesField('cadence', '/statusUpdateMinutes', cadence, setCadence)}
      </div>
      <FormError form={form} />
      <div className="row-actions">
        <button type="submit" disabled={form.busy} data-testid="severity-save">
          {t('policies.severity.save', { severity: policy.severity })}
        </button>
        <span role="status">
          {saved && (
            <span className="success-inline">{t('policies.severity.saved', { severity: policy.severity })}</span>
          )}
        </span>
      </div>
    </form>
  );
}
