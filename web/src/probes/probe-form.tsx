import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { ConfigFields } from '../channels/config-fields';
import { KindSelect } from '../channels/kind-select';
import { ServiceSelect } from '../admin/service-select';
import { useI18n } from '../i18n';
import { severities } from '../types';
import { ConditionList } from './condition-list';
import { bodyOf, targetFieldsOf, timingFields, withKind, type ProbeDraft } from './probe-draft';
import { ProbeVerdictView } from './probe-verdict';
import type { Probe, ProbeKindInfo, ProbeVerdict } from './probes-types';
import { TimingFields } from './timing-fields';

/**
 * Creates a probe, or edits one (`existing`): name, kind, the kind's target (fields generated
 * from its schema, as a channel's), conditions, service, severity, timing, labels. "Test" runs
 * the probe once as it stands (`POST /api/v1/probes/test`, nothing saved) and shows each
 * condition's verdict; "Save" creates or changes it. Secrets left empty keep the stored ones.
 */
export function ProbeForm({
  kinds,
  services,
  initial,
  existing,
  onSaved,
}: {
  kinds: readonly ProbeKindInfo[];
  services: readonly { id: string; name: string }[];
  initial: ProbeDraft;
  existing: Probe | null;
  onSaved: (probe: Probe) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [verdict, setVerdict] = useState<ProbeVerdict | null>(null);
  // Which button the form is busy for: only that one says so.
  const [testing, setTesting] = useState(false);
  const info = kinds.find((candidate) => candidate.kind === draft.kind);
  const fields = useMemo(() => targetFieldsOf(kinds, draft.kind), [kinds, draft.kind]);
  const stored = existing?.target.kind === draft.kind ? existing.target : undefined;
  const paths = [
    ...['/name', '/target', '/conditions', '/serviceId', '/severity', '/labels'],
    ...fields.map((field) => `/target${field.path}`),
    ...draft.conditions.map((_, index) => `/conditions/${index}`),
    ...timingFields.map((field) => `/${field}`),
  ];
  const form = useAdminForm(paths);
  const change = (patch: Partial<ProbeDraft>) => {
    setDraft((before) => ({ ...before, ...patch }));
    // What was tested is no longer what the form says.
    setVerdict(null);
  };

  const test = () => {
    setTesting(true);
    void form.submit(async () => {
      setVerdict(await api<ProbeVerdict>('POST', '/api/v1/probes/test', bodyOf(kinds, draft, stored)));
    });
  };
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTesting(false);
    void form.submit(async () => {
      const body = bodyOf(kinds, draft, stored);
      onSaved(
        existing === null
          ? await api<Probe>('POST', '/api/v1/probes', body)
          : await api<Probe>('PATCH', `/api/v1/probes/${encodeURIComponent(existing.id)}`, body),
      );
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form probe-form"
      onSubmit={save}
      aria-label={existing === null ? t('probes.newTitle') : t('probes.editTitle', { name: existing.name })}
      noValidate
      data-testid="probe-form"
    >
      <label>
        <span>{t('probes.name')}</span>
        <input
          required
          maxLength={200}
          value={draft.name}
          onChange={(event) => change({ name: event.target.value })}
          data-testid="probe-name"
          {...form.describe('/name')}
        />
        <FieldError form={form} path="/name" />
      </label>
      <KindSelect
        label={t('probes.kind')}
        kinds={kinds}
        value={draft.kind}
        onChange={(kind) => change(withKind(kinds, draft, kind))}
        testId="probe-kind"
      />
      <fieldset>
        <legend>{t('probes.target', { kind: info?.label ?? draft.kind })}</legend>
        <ConfigFields
          root="target"
          fields={fields}
          values={draft.target}
          stored={stored}
          form={form}
          onChange={(path, value) => change({ target: { ...draft.target, [path]: value } })}
        />
        <FieldError form={form} path="/target" />
      </fieldset>
      <ConditionList
        conditions={draft.conditions}
        placeholders={info?.placeholders ?? []}
        defaults={info?.defaultConditions ?? []}
        form={form}
        onChange={(conditions) => change({ conditions })}
      />
      <ServiceSelect
        label={t('probes.service')}
        noneLabel={t('probes.noService')}
        services={services}
        value={draft.serviceId}
        onChange={(serviceId) => change({ serviceId })}
        form={form}
        testId="probe-service"
      />
      <label>
        <span>{t('probes.severity')}</span>
        <select
          value={draft.severity}
          onChange={(event) => change({ severity: event.target.value })}
          data-testid="probe-severity"
        >
          {severities.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </label>
      <TimingFields
        timing={draft.timing}
        form={form}
        onChange={(field, value) => change({ timing: { ...draft.timing, [field]: value } })}
      />
      <label>
        <span>{t('probes.labels')}</span>
        <textarea
          rows={2}
          spellCheck={false}
          value={draft.labels}
          onChange={(event) => change({ labels: event.target.value })}
          data-testid="probe-labels"
          {...form.describe('/labels')}
        />
        <span className="hint">{t('probes.labelsHint')}</span>
        <FieldError form={form} path="/labels" />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(event) => change({ enabled: event.target.checked })}
          data-testid="probe-enabled"
        />
        <span>{t('probes.enabled')}</span>
      </label>
      <div aria-live="polite">{verdict !== null && <ProbeVerdictView verdict={verdict} />}</div>
      <div className="row-actions">
        <button
          type="button"
          className="secondary"
          disabled={form.busy || info === undefined}
          onClick={test}
          data-testid="probe-test"
        >
          {form.busy && testing ? t('probes.testing') : t('probes.test')}
        </button>
        <button type="submit" disabled={form.busy || info === undefined} data-testid="probe-save">
          {form.busy && !testing ? t('probes.saving') : t('probes.save')}
        </button>
      </div>
      <FormError form={form} />
    </form>
  );
}
