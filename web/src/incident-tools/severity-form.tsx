import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import { severities, type Incident, type Severity } from '../types';

/**
 * Changes the incident's severity, with why: the resolution target follows the new severity, and
 * the timeline keeps the reason for the post-mortem.
 */
export function SeverityForm({ incident, onChanged }: { incident: Incident; onChanged: (incident: Incident) => void }) {
  const { t } = useI18n();
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const trimmed = reason.trim();
      onChanged(
        await api<Incident>(
          'PATCH',
          `/api/v1/incidents/${encodeURIComponent(incident.id)}`,
          trimmed === '' ? { severity } : { severity, reason: trimmed },
        ),
      );
      setReason('');
    });
  };

  return (
    <form
      className="severity-form form-row"
      onSubmit={(event) => void submit(event)}
      aria-label={t('tools.changeSeverity')}
    >
      <label>
        <span>{t('tools.severity')}</span>
        <select
          value={severity}
          onChange={(event) => setSeverity(event.target.value as Severity)}
          data-testid="severity-select"
        >
          {severities.map((level) => (
            <option key={level} value={level}>
              {t(`severity.${level}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        <span>{t('tools.severityReason')}</span>
        <input
          maxLength={5000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          data-testid="severity-reason"
        />
      </label>
      <button type="submit" disabled={busy || severity === incident.severity} data-testid="severity-submit">
        {t('tools.changeSeverity')}
      </button>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
