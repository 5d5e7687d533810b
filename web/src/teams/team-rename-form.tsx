import { useState, type FormEvent } from 'react';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { Team } from './teams-types';

const fields = ['/name', '/description'] as const;

/** A team's name and description, changed in place; its id (in URLs, policies, services) stays. */
export function TeamRenameForm({ team, onDone }: { team: Team; onDone: (changed: boolean) => void }) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [name, setName] = useState(team.name);
  const [description, setDescription] = useState(team.description);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changes = {
      ...(name.trim() === team.name ? {} : { name: name.trim() }),
      ...(description.trim() === team.description ? {} : { description: description.trim() }),
    };
    if (Object.keys(changes).length === 0) return onDone(false);
    const saved = await form.submit(async () => {
      await api<Team>('PATCH', `/api/v1/teams/${encodeURIComponent(team.id)}`, changes);
    });
    if (saved) onDone(true);
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form inline-form"
      onSubmit={(event) => void submit(event)}
      aria-label={t('teams.renameLabel', { team: team.name })}
      noValidate
    >
      <label>
        <span>{t('teams.name')}</span>
        {/* Opened by pressing "Rename": focus goes where the typing is, not back to the top. */}
        <input
          autoFocus
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="team-rename-name"
          {...form.describe('/name')}
        />
        <FieldError form={form} path="/name" />
      </label>
      <label>
        <span>{t('teams.description')}</span>
        <input
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          {...form.describe('/description')}
        />
        <FieldError form={form} path="/description" />
      </label>
      <div className="row-actions">
        <button type="submit" disabled={form.busy} data-testid="team-rename-save">
          {form.busy ? t('admin.saving') : t('teams.save')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          {t('admin.cancel')}
        </button>
      </div>
      <FormError form={form} />
    </form>
  );
}
