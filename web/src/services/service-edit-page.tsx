import { api } from '../api';
import { hasRole } from '../console-route';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { loadNameDirectory, loadOnCallBySchedule } from './name-directory';
import type { ServiceDraft } from './save-service';
import { ServiceForm, type EditorChoices } from './service-form';
import { servicePath } from './services-page';
import type { EscalationPolicy, ServiceSummary } from './services-types';
import '../admin/admin.css';
import './services.css';

/** The choices, and the service as it stands when editing one (its summary carries its policy). */
async function loadEditor(id: string | null): Promise<EditorChoices & { service: ServiceDraft | null }> {
  const [directory, onCall, policies, summary] = await Promise.all([
    loadNameDirectory(),
    loadOnCallBySchedule(),
    api<EscalationPolicy[]>('GET', '/api/v1/escalation-policies'),
    id === null
      ? Promise.resolve(null)
      : api<ServiceSummary>('GET', `/api/v1/services/${encodeURIComponent(id)}/summary`),
  ]);
  const service =
    summary === null
      ? null
      : {
          id: summary.id,
          name: summary.name,
          description: summary.description,
          public: summary.public,
          rtoMinutes: summary.rtoMinutes,
          rpoMinutes: summary.rpoMinutes,
          ownerTeamId: summary.ownerTeamId,
          escalationPolicyId: summary.escalationPolicyId,
        };
  return { directory, onCall, policies, service };
}

/** The form once the page knows the person may use it: only then are the choices loaded. */
function ServiceEditor({ id }: { id: string | null }) {
  const { t } = useI18n();
  const loaded = useResource({ key: id ?? '', load: () => loadEditor(id) });
  // The service's name once known: the id until then.
  const name = loaded.data?.service?.name ?? id ?? '';
  return (
    <>
      <h1>{id === null ? t('services.edit.new') : t('services.edit.title', { name })}</h1>
      <p className="muted">{id === null ? t('services.edit.newIntro') : t('services.edit.intro')}</p>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {loaded.data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <ServiceForm initial={loaded.data.service} choices={loaded.data} />
      )}
    </>
  );
}

/**
 * `/services/new` and `/services/:id/edit` (admins): the catalogue entry, its owner, its
 * recovery objectives and its escalation policy, on one page. Others are told why not.
 */
export function ServiceEditPage({ id = null }: { id?: string | null }) {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <section className="service-edit-page" data-testid="service-edit-page">
      <Link to={id === null ? '/services' : servicePath(id)}>{t('services.back')}</Link>
      {hasRole(session.user.role, 'admin') ? (
        <ServiceEditor id={id} />
      ) : (
        <>
          <h1>{id === null ? t('services.edit.new') : t('services.edit.title', { name: id })}</h1>
          <p className="error" role="alert" data-testid="service-edit-forbidden">
            {t('services.edit.forbidden', { role: session.user.role })}
          </p>
        </>
      )}
    </section>
  );
}
