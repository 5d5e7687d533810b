import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api';
import { StreamIndicator } from './badges';
import { errorText, useNow } from './format';
import { useI18n } from './i18n';
import { IncidentActions } from './incident-actions';
import { IncidentHeader } from './incident-header';
import { IncidentChecklists } from './incident-tools/incident-checklists';
import { IncidentRoles } from './incident-tools/incident-roles';
import { SeverityForm } from './incident-tools/severity-form';
import { NoteForm } from './note-form';
import { IncidentRunbooks } from './runs/incident-runbooks';
import { PendingApprovals } from './runs/pending-approvals';
import { Link } from './router';
import { useSession } from './session';
import { StatusUpdateForm } from './status-update-form';
import { mergeEvents, Timeline } from './timeline';
import { canRespond, type Incident, type TimelineEvent } from './types';
import { useChangeCounter } from './use-change-counter';
import { useIncidentStream } from './use-incident-stream';

/** Timeline events asked per request (the server's default page). */
const timelinePage = 1000;

/**
 * One incident: its header, the lifecycle buttons, the timeline and the composers. Laid out for a phone first: the
 * state and the buttons on the first screen, then links to the parts further down. The event
 * stream says when this incident changed (any timeline event counts); the page then takes the
 * streamed incident and fetches only the timeline events it does not have yet.
 */
export function IncidentPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const now = useNow();
  const [incident, setIncident] = useState<Incident | null>(null);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const lastSeq = useRef(0);
  // Moves when the stream reports changes, so panels reading more than the incident (runs,
  // checklists) read again.
  const { changes, noteChange } = useChangeCounter();
  const base = `/api/v1/incidents/${encodeURIComponent(id)}`;

  const addEvents = useCallback((more: readonly TimelineEvent[]) => {
    setEvents((current) => {
      const merged = mergeEvents(current, more);
      lastSeq.current = merged.at(-1)?.seq ?? 0;
      return merged;
    });
  }, []);

  // An older copy must not replace a newer one (a slow fetch answering after a streamed change).
  const takeIncident = useCallback((next: Incident) => {
    setIncident((current) =>
      current !== null && Date.parse(current.updatedAt) > Date.parse(next.updatedAt) ? current : next,
    );
  }, []);

  const refreshTimeline = useCallback(async () => {
    try {
      // The server answers at most a page of events: long incidents take several.
      let after = lastSeq.current;
      for (;;) {
        const page = await api<TimelineEvent[]>('GET', `${base}/timeline?after=${after}&limit=${timelinePage}`);
        addEvents(page);
        if (page.length < timelinePage) break;
        after = page.at(-1)!.seq;
      }
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }, [addEvents, base, t]);

  const load = useCallback(async () => {
    try {
      takeIncident(await api<Incident>('GET', base));
      setError(null);
      await refreshTimeline();
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 404
          ? t('error.notFound', { what: id })
          : errorText(failure, t),
      );
    }
  }, [base, id, refreshTimeline, t, takeIncident]);

  useEffect(() => {
    void load();
  }, [load]);

  const stream = useIncidentStream({
    onIncident: (changed) => {
      if (changed.id !== id) return;
      takeIncident(changed);
      noteChange();
      void refreshTimeline();
    },
    onOpen: () => {
      noteChange();
      void load();
    },
  });

  const responder = canRespond(session.user);
  // A change made from this page: the answer is the incident as it now stands.
  const changedHere = (changed: Incident) => {
    takeIncident(changed);
    void refreshTimeline();
  };
  return (
    <article className="incident-page">
      <div className="page-title">
        <Link to="/">{t('incident.back')}</Link>
        <StreamIndicator state={stream} />
      </div>
      {error !== null && (
        <div className="error" role="alert">
          {error}{' '}
          <button type="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {incident === null ? (
        error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <IncidentHeader incident={incident} now={now} />
          {/* Right under the state, so that on a phone both are on the first screen (the summary can be long).
              A pending approval comes first for those who may approve: a page's link leads them here for it. */}
          <PendingApprovals
            incidentId={incident.id}
            responder={responder}
            selfName={session.user.name}
            changes={changes}
          />
          {responder ? (
            <IncidentActions
              incident={incident}
              onChanged={changedHere}
              onStale={() => void load()}
              onEscalated={() => void refreshTimeline()}
            />
          ) : (
            <p className="read-only" data-testid="read-only">
              {t('action.viewer')}
            </p>
          )}
          {incident.summary !== '' && <p className="incident-summary">{incident.summary}</p>}
          <nav className="incident-links" aria-label={t('phone.jump')}>
            <a href="#timeline-heading" className="jump-link">
              {t('phone.jumpTimeline')}
            </a>
            <a href="#runbooks-heading" className="jump-link">
              {t('phone.jumpRunbooks')}
            </a>
            {responder && (
              <a href="#update-heading" className="jump-link">
                {t('phone.jumpNotes')}
              </a>
            )}
            <Link to={`/postmortems/${encodeURIComponent(incident.id)}`} data-testid="incident-postmortem-link">
              {t('postmortems.draft')}
            </Link>
          </nav>
          {responder && incident.resolvedAt === null && (
            <SeverityForm key={incident.severity} incident={incident} onChanged={changedHere} />
          )}
          <IncidentRunbooks
            incidentId={incident.id}
            open={incident.resolvedAt === null}
            responder={responder}
            selfName={session.user.name}
            changes={changes}
          />
          <div className="incident-columns">
            <Timeline events={events} />
            <div className="composers">
              <IncidentRoles incident={incident} responder={responder} onChanged={changedHere} />
              <IncidentChecklists incidentId={incident.id} responder={responder} changes={changes} />
              {responder && (
                <>
                  <StatusUpdateForm incident={incident} onPosted={(posted) => addEvents([posted])} />
                  <NoteForm incidentId={incident.id} onAdded={(added) => addEvents([added])} />
                </>
              )}
            </div>
          </div>
        </>
      )}
    </article>
  );
}
