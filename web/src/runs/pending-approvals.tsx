import { useEffect, useRef, type Ref } from 'react';
import './pending-approvals.css';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useLocation } from '../router';
import { useResource } from '../use-resource';
import { ApprovalForm } from './approval-form';
import { loadPendingApprovals, type PendingApproval } from './load-pending-approvals';

/**
 * The destructive steps of this incident waiting for a second responder, at the top of the
 * incident page: the approver paged at 3 a.m. lands here from the message's link
 * (`?approval=<execution id>`), sees the exact command (secrets masked) and who asked why, and
 * approves or refuses without scrolling through the runbooks. The request the link names is
 * scrolled to and its reason field focused; one already decided says so. Viewers see nothing here.
 */
export function PendingApprovals({
  incidentId,
  responder,
  selfName,
  changes,
}: {
  incidentId: string;
  responder: boolean;
  selfName: string;
  changes: number;
}) {
  const { t } = useI18n();
  const followed = useLocation().search.get('approval');
  const loaded = useResource(
    { key: `approvals:${incidentId}:${followed ?? ''}`, load: () => loadPendingApprovals(incidentId, followed) },
    { changes },
  );
  const target = useRef<HTMLLIElement>(null);
  const found = loaded.data?.pending.some((item) => item.execution.id === followed) === true;
  // Once, when the request the link names first shows: later reloads must not steal the focus.
  const focused = useRef(false);
  useEffect(() => {
    if (!found || focused.current || target.current === null) return;
    focused.current = true;
    target.current.scrollIntoView({ block: 'start' });
    target.current.querySelector<HTMLInputElement>('input')?.focus();
  }, [found]);

  if (!responder) return null;
  const data = loaded.data;
  if (data === null) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (data.pending.length === 0 && data.followedStatus === null) return null;
  return (
    <section className="pending-approvals" aria-labelledby="pending-approvals-heading" data-testid="pending-approvals">
      <h2 id="pending-approvals-heading">{t('approvals.title')}</h2>
      {data.followedStatus !== null && (
        <p className="muted" data-testid="approval-decided">
          {t('approvals.decided', { status: t(`runs.status.${data.followedStatus}`) })}
        </p>
      )}
      {data.pending.length > 0 && <p>{t('approvals.count', { count: data.pending.length })}</p>}
      <ul>
        {data.pending.map((item) => (
          <PendingCard
            key={item.execution.id}
            item={item}
            own={item.execution.requestedBy === selfName}
            followed={item.execution.id === followed}
            cardRef={item.execution.id === followed ? target : undefined}
            onDecided={() => void loaded.reload()}
          />
        ))}
      </ul>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
    </section>
  );
}

function PendingCard({
  item,
  own,
  followed,
  cardRef,
  onDecided,
}: {
  item: PendingApproval;
  own: boolean;
  followed: boolean;
  cardRef: Ref<HTMLLIElement> | undefined;
  onDecided: () => void;
}) {
  const { language, t } = useI18n();
  const { execution } = item;
  return (
    <li
      ref={cardRef}
      className={followed ? 'pending-approval pending-approval-followed' : 'pending-approval'}
      data-testid="pending-approval"
      data-execution-id={execution.id}
    >
      <h3>{t('approvals.step', { step: item.stepTitle, runbook: item.runbookTitle })}</h3>
      <p className="muted">
        {t('approvals.asked', { name: execution.requestedBy, time: formatTime(execution.requestedAt, language) })}
      </p>
      {execution.reason !== null && <p>{t('approvals.reason', { reason: execution.reason })}</p>}
      <pre className="command-preview" aria-label={t('approvals.command')} data-testid="pending-approval-command">
        <code>{execution.commandPreview}</code>
      </pre>
      {own ? (
        <p className="awaiting">{t('approvals.yours')}</p>
      ) : (
        <ApprovalForm
          runId={item.runId}
          execution={execution}
          onDecided={onDecided}
          label={t('approvals.formLabel', { step: item.stepTitle })}
        />
      )}
    </li>
  );
}
