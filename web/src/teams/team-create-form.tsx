import { useState, type FormEvent } from 'react';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { Team } from './teams-types';

const fields = ['/id', '/name', '/description'] as const;

/** Creates an empty team: its id (fixed), its name and what it does; members come after, from its card. */
export function TeamCreateForm({ onCreated }: { onCreated: (team: Team) => void }) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<Team | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    await form.submit(async () => {
      const team = await api<Team>('POST', '/api/v1/teams', {
        id: id.trim(),
        name: name.trim(),
        description: description.trim(),
      });
      setCreated(team);
      setId('');
      setName('');
      setDescription('');
      onCreated(team);
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="team-create-heading"
      noValidate
    >
      <h2 id="team-create-heading">{t('teams.create')}</h2>
      <div className="form-row">
        <label>
          <span>{t('teams.id')}</span>
          <input
            required
            autoComplete="off"
            value={id}
            onChange={(event) => setId(event.target.value)}
            data-testid="team-id"
            {...form.describe('/id')}
          />
          <span className="hint">{t('teams.idHint')}</span>
          <FieldError form={form} path="/id" />
        </label>
        <label className="grow">
          <span>{t('teams.name')}</span>
          <input
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="team-name"
            {...form.describe('/name')}
          />
          <FieldError form={form} path="/name" />
        </label>
      </div>
      <label>
        <span>
          {t('teams.description')} <span className="hint">({t('teams.optional')})</span>
        </span>
        <input
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          data-testid="team-description"
          {...form.describe('/description')}
        />
        <FieldError form={form} path="/description" />
      </label>
      <div>
        <button type="submit" disabled={form.busy} data-testid="team-create-submit">
          {form.busy ? t('admin.saving') : t('teams.createSubmit')}
        </button>
      </div>
      <FormError form={form} />
      {created !== null && form.errors.general === null && (
        <p className="success" role="status" data-testid="team-created">
          {t('teams.created', { name: created.name })}
        </p>
      )}
    </form>
  );
}
