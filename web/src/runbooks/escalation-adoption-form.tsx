import { useState, type FormEvent } from 'react';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { api } from '../api';
import { useI18n } from '../i18n';
import { loadNameDirectory } from '../services/name-directory';
import type { EscalationPolicy, EscalationTarget, NameDirectory } from '../services/services-types';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import type { EscalationPolicyData, RunbookDraft } from './runbook-types';

/** A policy id from the draft's title (`Contacts & Escalade` → `contacts-escalade`), as the API's pattern wants. */
function idOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'escalation';
}

const targetGroups = [
  ['schedule', 'runbooks.adoptEscalation.schedules', 'schedules'],
  ['team', 'runbooks.adoptEscalation.teams', 'teams'],
  ['user', 'runbooks.adoptEscalation.people', 'users'],
] as const;

/**
 * Adopting an escalation matrix asks what the document cannot say: who each written level
 * ("Équipe opérations", "Lead développeur") is here. Each level gets a choice among schedules,
 * teams and people, or "by its name" (the server looks the written name up, and answers under
 * that level when nothing has it). Created, the policy is the server's, edited on its own page.
 */
export function EscalationAdoptionForm({ draft, onAdopted }: { draft: RunbookDraft; onAdopted: () => void }) {
  const { t } = useI18n();
  // The draft's data as the server extracted it (`EscalationPolicyDataSchema`).
  const levels = (draft.data as unknown as EscalationPolicyData).levels;
  const paths = ['/id', '/name', ...levels.map((_, index) => `/targets/${index}`)];
  const form = useAdminForm(paths);
  const directory = useResource<NameDirectory>({ key: 'adoption-name-directory', load: loadNameDirectory });
  const [id, setId] = useState(() => idOf(draft.title));
  const [name, setName] = useState(draft.title);
  // `type:id` per level; '' leaves the level to its written name.
  const [chosen, setChosen] = useState<string[]>(() => levels.map(() => ''));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const targets: Record<string, EscalationTarget[]> = {};
    chosen.forEach((value, index) => {
      const [type, ...rest] = value.split(':');
      if (type === 'schedule' || type === 'team' || type === 'user') targets[index] = [{ type, id: rest.join(':') }];
    });
    const done = await form.submit(async () => {
      await api<EscalationPolicy>('POST', `/api/v1/escalation-policies/${encodeURIComponent(id.trim())}/adopt`, {
        draftId: draft.id,
        name: name.trim(),
        targets,
      });
    });
    if (done) onAdopted();
  };

  return (
    <form ref={form.formRef} className="admin-form escalation-adoption" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('runbooks.adoptEscalation.intro')}</p>
      <LoadError error={directory.error} onRetry={directory.reload} />
      <label>
        <span>{t('runbooks.adoptEscalation.id')}</span>
        <input required value={id} onChange={(e) => setId(e.target.value)} {...form.describe('/id')} />
        <span className="hint">{t('runbooks.adoptEscalation.idHint')}</span>
        <FieldError form={form} path="/id" />
      </label>
      <label>
        <span>{t('runbooks.adoptEscalation.name')}</span>
        <input required value={name} onChange={(e) => setName(e.target.value)} {...form.describe('/name')} />
        <FieldError form={form} path="/name" />
      </label>
      {levels.map((level, index) => (
        <label key={index} data-testid="adoption-level">
          <span>
            {t('runbooks.adoptEscalation.level', {
              n: index + 1,
              written: level.target,
              when:
                (level.delayMinutes ?? 0) === 0
                  ? t('runbooks.adoptEscalation.atOnce')
                  : t('runbooks.adoptEscalation.after', { minutes: level.delayMinutes ?? 0 }),
            })}
          </span>
          <select
            value={chosen[index]}
            onChange={(e) => setChosen(chosen.map((value, at) => (at === index ? e.target.value : value)))}
            {...form.describe(`/targets/${index}`)}
          >
            <option value="">{t('runbooks.adoptEscalation.byName', { written: level.target })}</option>
            {targetGroups.map(([type, label, key]) => (
              <optgroup key={type} label={t(label)}>
                {[...(directory.data?.[key] ?? new Map<string, string>())].map(([targetId, targetName]) => (
                  <option key={targetId} value={`${type}:${targetId}`}>
                    {targetName}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldError form={form} path={`/targets/${index}`} />
        </label>
      ))}
      <button
        type="submit"
        disabled={form.busy || directory.data === null}
        aria-label={t('runbooks.adoptEscalation.submitLabel', { title: draft.title })}
      >
        {t('runbooks.adoptEscalation.submit')}
      </button>
      <FormError form={form} />
    </form>
  );
}
