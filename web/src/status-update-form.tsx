import { useState, type FormEvent } from 'react';
import { api } from './api';
import { useI18n } from './i18n';
import { useAction } from './use-action';
import { TemplatePicker } from './incident-tools/template-picker';
import { statusUpdatePhases, type Incident, type StatusUpdatePhase, type TimelineEvent } from './types';

/**
 * Posts a status update: what stakeholders read. "Public" is off by default and said plainly,
 * because a public update goes to the status page for anyone to see.
 */
export function StatusUpdateForm({
  incident,
  onPosted,
}: {
  incident: Incident;
  onPosted: (event: TimelineEvent) => void;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [phase, setPhase] = useState<StatusUpdatePhase>('investigating');
  const [isPublic, setIsPublic] = useState(false);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    void run(async () => {
      const posted = await api<TimelineEvent>(
        'POST',
        `/api/v1/incidents/${encodeURIComponent(incident.id)}/status-updates`,
        {
          message: message.trim(),
          phase,
          public: isPublic,
        },
      );
      setMessage('');
      setIsPublic(false);
      setDone(true);
      onPosted(posted);
    });
  };

  return (
    <form className="composer" onSubmit={submit} aria-labelledby="update-heading">
      <h2 id="update-heading">{t('update.title')}</h2>
      <TemplatePicker incident={incident} onPick={setMessage} />
      <label>
        <span>{t('update.message')}</span>
        <textarea
          required
          rows={3}
          maxLength={10_000}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          data-testid="status-update-message"
        />
      </label>
      <div className="form-row">
        <label>
          <span>{t('update.phase')}</span>
          <select
            value={phase}
            onChange={(event) => setPhase(event.target.value as StatusUpdatePhase)}
            data-testid="status-update-phase"
          >
            {statusUpdatePhases.map((value) => (
              <option key={value} value={value}>
                {t(`phase.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isPublic}
            onChange={(event) => setIsPublic(event.target.checked)}
            data-testid="status-update-public"
          />
          <span>{t('update.public')}</span>
        </label>
        <button type="submit" disabled={busy || message.trim() === ''} data-testid="status-update-submit">
          {t('update.submit')}
        </button>
      </div>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && error === null && (
        <p className="success" role="status">
          {t('update.posted')}
        </p>
      )}
    </form>
  );
}
