import { useState, type FormEvent } from 'react';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { minutesOf, saveService, type ServiceDraft } from './save-service';
import { ServicePolicyPreview } from './service-policy-preview';
import { servicePath } from './services-page';
import type { EscalationPolicy, NameDirectory, ScheduleOnCall } from './services-types';

/** What the editor offers to choose from: teams (by name in the directory) and policies. */
export interface EditorChoices {
  directory: NameDirectory;
  onCall: ReadonlyMap<string, ScheduleOnCall>;
  policies: readonly EscalationPolicy[];
}

// `/policyId` is where PUT /services/{id}/escalation-policy names its field.
const fields = ['/id', '/name', '/description', '/public', '/rtoMinutes', '/rpoMinutes', '/ownerTeamId', '/policyId'];
/** The test id of the field at `path`: `service-field-rtoMinutes`. */
const fieldTestId = (path: string) => `service-field${path.replace('/', '-')}`;
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * Creates a service (`initial` null) or edits one. Stacked fields, one per line on a phone;
 * the chosen escalation policy is shown under its select, so its effect is seen before saving.
 * Saved, it goes to the service's page, where the result shows.
 */
export function ServiceForm({ initial, choices }: { initial: ServiceDraft | null; choices: EditorChoices }) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  // What the server holds: moves after a create whose policy step failed, so "Save" resumes.
  const [saved, setSaved] = useState(initial);
  const [id, setId] = useState(initial?.id ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [isPublic, setPublic] = useState(initial?.public ?? false);
  const [rto, setRto] = useState(initial?.rtoMinutes?.toString() ?? '');
  const [rpo, setRpo] = useState(initial?.rpoMinutes?.toString() ?? '');
  const [teamId, setTeamId] = useState(initial?.ownerTeamId ?? '');
  const [policyId, setPolicyId] = useState(initial?.escalationPolicyId ?? '');
  const teams = [...choices.directory.teams].map(([value, label]) => ({ id: value, name: label })).sort(byName);
  const policies = [...choices.policies].sort(byName);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const draft: ServiceDraft = {
      id: id.trim(),
      name: name.trim(),
      description: description.trim(),
      public: isPublic,
      rtoMinutes: minutesOf(rto),
      rpoMinutes: minutesOf(rpo),
      ownerTeamId: teamId === '' ? null : teamId,
      escalationPolicyId: policyId === '' ? null : policyId,
    };
    if (await form.submit(() => saveService(saved, draft, setSaved))) navigate(servicePath(draft.id));
  };

  const text = (path: string, label: string, value: string, set: (next: string) => void, hint?: string) => (
    <label>
      <span>{label}</span>
      <input
        value={value}
        onChange={(event) => set(event.target.value)}
        data-testid={fieldTestId(path)}
        {...form.describe(path)}
      />
      {hint !== undefined && <span className="hint">{hint}</span>}
      <FieldError form={form} path={path} />
    </label>
  );
  const minutes = (path: string, label: string, hint: string, value: string, set: (next: string) => void) => (
    <label>
      <span>{label}</span>
      <input
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={value}
        onChange={(event) => set(event.target.value)}
        data-testid={fieldTestId(path)}
        {...form.describe(path)}
      />
      <span className="hint">{hint}</span>
      <FieldError form={form} path={path} />
    </label>
  );

  return (
    <form
      ref={form.formRef}
      className="admin-form service-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="service-form"
    >
      {saved === null ? text('/id', t('services.edit.id'), id, setId, t('services.edit.idHint')) : null}
      {text('/name', t('services.edit.name'), name, setName)}
      <label>
        <span>{t('services.edit.description')}</span>
        <textarea
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          data-testid={fieldTestId('/description')}
          {...form.describe('/description')}
        />
        <FieldError form={form} path="/description" />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isPublic}
          onChange={(event) => setPublic(event.target.checked)}
          aria-describedby="service-public-hint"
          data-testid="service-field-public"
        />
        <span>{t('services.edit.public')}</span>
      </label>
      <p className="hint" id="service-public-hint">
        {t('services.edit.publicHint')}
      </p>
      <fieldset className="form-row">
        <legend>{t('services.edit.objectives')}</legend>
        {minutes('/rtoMinutes', t('services.edit.rto'), t('services.edit.rtoHint'), rto, setRto)}
        {minutes('/rpoMinutes', t('services.edit.rpo'), t('services.edit.rpoHint'), rpo, setRpo)}
      </fieldset>
      <label>
        <span>{t('services.edit.team')}</span>
        <select
          value={teamId}
          onChange={(event) => setTeamId(event.target.value)}
          data-testid={fieldTestId('/ownerTeamId')}
          {...form.describe('/ownerTeamId')}
        >
          <option value="">{t('services.edit.noTeam')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <FieldError form={form} path="/ownerTeamId" />
      </label>
      <label>
        <span>{t('services.edit.policy')}</span>
        <select
          value={policyId}
          onChange={(event) => setPolicyId(event.target.value)}
          data-testid={fieldTestId('/policyId')}
          {...form.describe('/policyId')}
        >
          <option value="">{t('services.edit.noPolicy')}</option>
          {policies.map((policy) => (
            <option key={policy.id} value={policy.id}>
              {policy.name}
            </option>
          ))}
        </select>
        <span className="hint">{t('services.edit.policyHint')}</span>
        <FieldError form={form} path="/policyId" />
      </label>
      <ServicePolicyPreview
        policy={policies.find((policy) => policy.id === policyId)}
        directory={choices.directory}
        onCall={choices.onCall}
      />
      <FormError form={form} />
      {initial === null &&
        saved !== null &&
        (form.errors.general !== null || Object.keys(form.errors.fields).length > 0) && (
          <p className="hint">{t('services.edit.createdPartly')}</p>
        )}
      <div className="row-actions">
        <button type="submit" disabled={form.busy} data-testid="service-save">
          {form.busy ? t('admin.saving') : initial === null ? t('services.edit.create') : t('services.edit.save')}
        </button>
        <Link to={initial === null ? '/services' : servicePath(initial.id)}>{t('services.edit.cancel')}</Link>
      </div>
    </form>
  );
}
