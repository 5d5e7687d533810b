import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import type { EscalationLevel, EscalationPolicy, EscalationPolicyInput, NameDirectory } from './escalation-types';
import { LevelFields } from './level-fields';

/** What the editor holds before it is saved. */
export interface PolicyDraft {
  id: string;
  name: string;
  repeat: number;
  levels: EscalationLevel[];
}

const fields = ['/id', '/name', '/repeat', '/levels'] as const;

function moved<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(from + by, 0, item!);
  return copy;
}

/**
 * The policy's fields and its levels, in order. Saving PUTs the whole policy (create or replace);
 * the server checks that every target exists and names the field of one that does not.
 */
export function PolicyForm({
  draft,
  isNew,
  directory,
  onChange,
  onSaved,
}: {
  draft: PolicyDraft;
  isNew: boolean;
  directory: NameDirectory;
  onChange: (draft: PolicyDraft) => void;
  onSaved: (policy: EscalationPolicy) => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm([...fields, ...draft.levels.map((_, index) => `/levels/${index}`)]);
  const [saved, setSaved] = useState<string | null>(null);
  const setLevel = (index: number, level: EscalationLevel) =>
    onChange({ ...draft, levels: draft.levels.map((old, i) => (i === index ? level : old)) });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    const body: EscalationPolicyInput = { name: draft.name.trim(), levels: draft.levels, repeat: draft.repeat };
    await form.submit(async () => {
      const policy = await api<EscalationPolicy>(
        'PUT',
        `/api/v1/escalation-policies/${encodeURIComponent(draft.id.trim())}`,
        body,
      );
      setSaved(policy.name);
      onSaved(policy);
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form policy-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="admin-title"
      noValidate
      data-testid="policy-form"
    >
      {isNew && (
        <label>
          <span>{t('escalation.id')}</span>
          <input
            required
            value={draft.id}
            pattern="[a-z0-9][a-z0-9\-]{1,62}"
            autoCapitalize="none"
            onChange={(event) => onChange({ ...draft, id: event.target.value })}
            data-testid="policy-id"
            {...form.describe('/id')}
          />
          <span className="hint">{t('escalation.idHint')}</span>
          <FieldError form={form} path="/id" />
        </label>
      )}
      <div className="form-row">
        <label className="grow">
          <span>{t('escalation.name')}</span>
          <input
            required
            maxLength={200}
            value={draft.name}
            onChange={(event) => onChange({ ...draft, name: event.target.value })}
            data-testid="policy-name"
            {...form.describe('/name')}
          />
          <FieldError form={form} path="/name" />
        </label>
        <label>
          <span>{t('escalation.repeat')}</span>
          <input
            type="number"
            min={0}
            max={10}
            inputMode="numeric"
            value={draft.repeat}
            onChange={(event) => onChange({ ...draft, repeat: Math.max(0, Number(event.target.value) || 0) })}
            data-testid="policy-repeat"
            {...form.describe('/repeat')}
          />
          <span className="hint">{t('escalation.repeatHint')}</span>
          <FieldError form={form} path="/repeat" />
        </label>
      </div>
      {draft.levels.map((level, index) => (
        <div key={index}>
          <LevelFields
            level={level}
            index={index}
            count={draft.levels.length}
            directory={directory}
            onChange={(changed) => setLevel(index, changed)}
            onMove={(by) => onChange({ ...draft, levels: moved(draft.levels, index, by) })}
            onRemove={() => onChange({ ...draft, levels: draft.levels.filter((_, i) => i !== index) })}
          />
          <FieldError form={form} path={`/levels/${index}`} />
        </div>
      ))}
      <FieldError form={form} path="/levels" />
      <div className="row-actions">
        <button
          type="button"
          className="secondary"
          disabled={draft.levels.length >= 10}
          onClick={() => onChange({ ...draft, levels: [...draft.levels, { delayMinutes: 15, targets: [] }] })}
          data-testid="level-add"
        >
          {t('escalation.addLevel')}
        </button>
        <button type="submit" disabled={form.busy} data-testid="policy-save">
          {form.busy ? t('admin.saving') : t('escalation.save')}
        </button>
      </div>
      {saved !== null && (
        <p className="success" role="status" data-testid="policy-saved">
          {t('escalation.saved', { name: saved })}
        </p>
      )}
      <FormError form={form} />
    </form>
  );
}
