import { useState } from 'react';
import { api, withQuery } from '../api';
import { AdminPage } from '../admin/admin-layout';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link, navigate, useLocation } from '../router';
import type { Paged } from '../types';
import { useResource } from '../use-resource';
import { draftOf, type ProbeSource } from './probe-draft';
import { ProbeForm } from './probe-form';
import { probeApiPath, probePath } from './probe-paths';
import type { Probe, ProbeKindInfo, ProbeSuggestions } from './probes-types';
import { SuggestionPicker } from './suggestion-picker';
import './probes.css';

async function loadForm(id: string | undefined, runbook: string | null) {
  const [kinds, services, existing, suggestions] = await Promise.all([
    api<ProbeKindInfo[]>('GET', '/api/v1/probes/kinds'),
    api<Paged<{ id: string; name: string }>>('GET', withQuery('/api/v1/services', { limit: 1000 })),
    id === undefined ? null : api<Probe>('GET', probeApiPath(id)),
    runbook === null
      ? null
      : api<ProbeSuggestions>('GET', `/api/v1/runbooks/${encodeURIComponent(runbook)}/probe-suggestions`),
  ]);
  return { kinds, services: services.items, existing, suggestions };
}

/**
 * `/probes/new` (`?service=ID` to preselect the service, `?runbook=ID` to start from what a
 * runbook checks by hand) and `/probes/:id/edit` (admins): the probe form, saved then shown on
 * the probe's page.
 */
export function ProbeEditPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const runbook = search.get('runbook');
  const service = search.get('service');
  const loaded = useResource({ key: `${id ?? 'new'}:${runbook ?? ''}`, load: () => loadForm(id, runbook) });
  const [picked, setPicked] = useState<{ index: number; source: ProbeSource } | null>(null);
  const data = loaded.data;
  const title =
    data?.existing === null || data === null
      ? t('probes.newTitle')
      : t('probes.editTitle', { name: data.existing.name });
  const source: ProbeSource | null =
    data?.existing ?? picked?.source ?? (service === null ? null : { serviceId: service });
  return (
    <AdminPage minRole="admin" title="probes.title">
      <p>
        <Link to={id === undefined ? '/probes' : probePath(id)}>{id === undefined ? t('probes.back') : title}</Link>
      </p>
      <h2>{title}</h2>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          {data.suggestions !== null && (
            <SuggestionPicker
              suggestions={data.suggestions}
              picked={picked?.index ?? null}
              onPick={(index, suggestion) => {
                setPicked({ index, source: suggestion });
                // Keyboard users go on in the form the suggestion filled.
                requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="probe-name"]')?.focus());
              }}
            />
          )}
          <ProbeForm
            // A picked suggestion starts the form over from it.
            key={picked?.index ?? 'own'}
            kinds={data.kinds}
            services={data.services}
            initial={draftOf(data.kinds, source, data.existing === null)}
            existing={data.existing}
            onSaved={(probe) => navigate(probePath(probe.id))}
          />
        </>
      )}
    </AdminPage>
  );
}
