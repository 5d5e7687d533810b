import { useI18n } from '../i18n';
import { EscalationPolicyView } from './escalation-policy-view';
import type { EscalationPolicy, NameDirectory, ScheduleOnCall } from './services-types';

/**
 * The chosen policy's levels, as the service page will show them, while the editor still lets
 * one pick another: who would be paged, when, and who that is tonight.
 */
export function ServicePolicyPreview({
  policy,
  directory,
  onCall,
}: {
  policy: EscalationPolicy | undefined;
  directory: NameDirectory;
  onCall: ReadonlyMap<string, ScheduleOnCall>;
}) {
  const { t } = useI18n();
  return (
    <section className="service-policy-preview" aria-label={t('services.edit.preview')} data-testid="policy-preview">
      {policy === undefined ? (
        <p className="muted">{t('services.edit.noPolicyPreview')}</p>
      ) : (
        <EscalationPolicyView policy={policy} directory={directory} onCall={onCall} />
      )}
    </section>
  );
}
