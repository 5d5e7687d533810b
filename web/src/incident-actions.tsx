import { useState } from 'react';
import { api, ApiError } from './api';
import { errorText } from './format';
import { useI18n } from './i18n';
import { IncidentEscalate } from './incident-escalate';
import { incidentStatuses, lifecycleActions, type Incident, type LifecycleAction } from './types';

/**
 * The lifecycle buttons the incident's status allows (the server's `allowedActions`), in the
 * lifecycle's order, with an optional "why" that goes to the timeline. Someone else may have
 * moved the incident meanwhile: the 409 says what is allowed now and the incident is reloaded.
 * Escalate (paging a policy again) sits with them while the incident is open: on a phone all are on the first screen.
 */
export function IncidentActions({
  incident,
  onChanged,
  onStale,
  onEscalated,
}: {
  incident: Incident;
  onChanged: (incident: Incident) => void;
  onStale: () => void;
  onEscalated: () => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<LifecycleAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [escalating, setEscalating] = useState(false);
  const open = incident.resolvedAt === null;
  const allowed = lifecycleActions.filter((action) => incident.allowedActions.includes(action));

  const perform = async (action: LifecycleAction) => {
    setBusy(action);
    setError(null);
    try {
      const trimmed = note.trim();
      const changed = await api<Incident>(
        'POST',
        `/api/v1/incidents/${encodeURIComponent(incident.id)}/${action}`,
        trimmed === '' ? {} : { note: trimmed },
      );
      setNote('');
      onChanged(changed);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        const next = Array.isArray(failure.details['allowedNextStates']) ? failure.details['allowedNextStates'] : [];
        const states = next.map((state) =>
          incidentStatuses.some((known) => known === state)
            ? t(`status.${state as Incident['status']}`)
            : String(state),
        );
        setError(t('action.conflict', { message: failure.message, states: states.join(', ') || t('common.none') }));
        onStale();
      } else {
        setError(errorText(failure, t));
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="visually-hidden">
        {t('incident.actions')}
      </h2>
      {/* The why comes first: it is typed before pressing the button it explains. */}
      {allowed.length > 0 && (
        <label className="action-note">
          <span>{t('action.note')}</span>
          <input
            value={note}
            maxLength={5000}
            onChange={(event) => setNote(event.target.value)}
            data-testid="action-note"
          />
        </label>
      )}
      <div className="action-buttons">
        {allowed.map((action) => (
          <button
            key={action}
            type="button"
            className={`action action-${action}`}
            disabled={busy !== null}
            onClick={() => void perform(action)}
            data-testid={`action-${action}`}
          >
            {busy === action ? t('action.working') : t(`action.${action}`)}
          </button>
        ))}
        {open && (
          <button
            type="button"
            className="action action-escalate secondary"
            aria-expanded={escalating}
            aria-controls="incident-escalate"
            onClick={() => setEscalating((was) => !was)}
            data-testid="action-escalate"
          >
            {t('phone.escalate')}
          </button>
        )}
      </div>
      {open && escalating && (
        <div id="incident-escalate">
          <IncidentEscalate incidentId={incident.id} onEscalated={onEscalated} />
        </div>
      )}
      {error !== null && (
        <p className="error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
    </section>
  );
}
