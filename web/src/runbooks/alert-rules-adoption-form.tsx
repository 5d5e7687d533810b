import { useMemo, useState, type FormEvent } from 'react';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { ServiceSelect } from '../admin/service-select';
import { api, withQuery } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { probePath } from '../probes/probe-paths';
import { Link } from '../router';
import { severities, type Paged } from '../types';
import { useResource } from '../use-resource';
import { AdoptionEntries, changedCount } from './adoption-entries';
import type { AlertRulesAdoption, RunbookDraft } from './runbook-types';
import { useDebounced } from './use-debounced';

const endpoint = '/api/v1/probes/from-draft';
const probeLink = (id: string, name: string) => <Link to={probePath(id)}>{name}</Link>;

/**
 * Adopting alert rules asks what the document does not say: the service the probes check, a
 * severity for all of them (or each rule's own), and the Prometheus they query (the server's
 * by default, named). Beforehand, the server's dry run with those choices lists which rules
 * become probes and which are left out and why; afterwards, the probes made, linked to their pages.
 */
export function AlertRulesAdoptionForm({
  draft,
  onAdopted,
}: {
  draft: RunbookDraft;
  onAdopted: (count: number) => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm(['/serviceId', '/severity', '/prometheusUrl']);
  const services = useResource<Paged<{ id: string; name: string }>>(withQuery('/api/v1/services', { limit: 1000 }));
  const [serviceId, setServiceId] = useState('');
  const [severity, setSeverity] = useState('');
  const [prometheusUrl, setPrometheusUrl] = useState('');
  const [made, setMade] = useState<AlertRulesAdoption | null>(null);
  const choices = useMemo(
    () => ({
      draftId: draft.id,
      ...(serviceId === '' ? {} : { serviceId }),
      ...(severity === '' ? {} : { severity }),
    }),
    [draft.id, serviceId, severity],
  );
  // The typed URL is left out of the dry run: what it changes is only where the probes ask.
  const previewBody = useDebounced(JSON.stringify(choices), 300);
  const preview = useResource<AlertRulesAdoption>({
    key: previewBody,
    load: () => api<AlertRulesAdoption>('POST', endpoint, { ...JSON.parse(previewBody), dryRun: true }),
  });
  const serverUrl = preview.data?.prometheusUrl ?? null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const url = prometheusUrl.trim();
    // Set inside the request: read after it, when it succeeded.
    const answer: { report?: AlertRulesAdoption } = {};
    await form.submit(async () => {
      answer.report = await api<AlertRulesAdoption>('POST', endpoint, {
        ...choices,
        ...(url === '' ? {} : { prometheusUrl: url }),
      });
    });
    if (answer.report !== undefined) {
      setMade(answer.report);
      onAdopted(changedCount(answer.report));
    }
  };

  if (made !== null)
    return (
      <div data-testid="adoption-made">
        <p>{t('runbooks.adoptRules.made')}</p>
        <AdoptionEntries entries={made.entries} link={probeLink} />
      </div>
    );
  return (
    <form ref={form.formRef} className="admin-form rules-adoption" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('runbooks.adoptRules.intro')}</p>
      <LoadError error={services.error ?? preview.error} onRetry={services.error ? services.reload : preview.reload} />
      <ServiceSelect
        label={t('runbooks.adoptRules.service')}
        noneLabel={t('runbooks.adoptRules.noService')}
        services={services.data?.items ?? []}
        value={serviceId}
        onChange={setServiceId}
        form={form}
        testId="adopt-rules-service"
      />
      <label>
        <span>{t('runbooks.adoptRules.severity')}</span>
        <select value={severity} onChange={(e) => setSeverity(e.target.value)} {...form.describe('/severity')}>
          <option value="">{t('runbooks.adoptRules.severityWritten')}</option>
          {severities.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
        <FieldError form={form} path="/severity" />
      </label>
      <label>
        <span>{t('runbooks.adoptRules.prometheus')}</span>
        <input
          type="url"
          inputMode="url"
          value={prometheusUrl}
          placeholder={serverUrl ?? 'http://prometheus:9090'}
          onChange={(e) => setPrometheusUrl(e.target.value)}
          {...form.describe('/prometheusUrl')}
        />
        <span className="hint" data-testid="adopt-rules-prometheus-hint">
          {serverUrl === null
            ? t('runbooks.adoptRules.prometheusNone')
            : t('runbooks.adoptRules.prometheusDefault', { url: serverUrl })}
        </span>
        <FieldError form={form} path="/prometheusUrl" />
      </label>
      {preview.data !== null && <AdoptionEntries entries={preview.data.entries} link={probeLink} />}
      <button
        type="submit"
        disabled={form.busy || preview.data === null || preview.data.nothingNew}
        aria-label={t('runbooks.adoptRules.submitLabel', { title: draft.title })}
      >
        {t('runbooks.adoptRules.submit')}
      </button>
      <FormError form={form} />
    </form>
  );
}
