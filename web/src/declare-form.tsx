import { useState, type FormEvent } from 'react';
import { api } from './api';
import { errorText } from './format';
import { useI18n } from './i18n';
import { incidentPath, Link } from './router';
import { severities, type Incident, type ServiceChoice, type Severity } from './types';

/**
 * Declares an incident from a title, a severity and, when known, the service hit — what is known
 * in the first minute; the rest (summary, commander) can follow on the incident.
 */
export function DeclareForm({
  services,
  onDeclared,
}: {
  services: readonly ServiceChoice[];
  onDeclared: (incident: Incident) => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  // P3 is the server's default too: declaring should not be held up by choosing.
  const [severity, setSeverity] = useState<Severity>('P3');
  const [service, setService] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [declared, setDeclared] = useState<Incident | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const incident = await api<Incident>('POST', '/api/v1/incidents', {
        title: title.trim(),
        severity,
        ...(service === '' ? {} : { services: [service] }),
      });
      setDeclared(incident);
      setTitle('');
      onDeclared(incident);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="declare-form" onSubmit={(event) => void submit(event)} aria-labelledby="declare-heading">
      <h2 id="declare-heading">{t('declare.title')}</h2>
      <div className="form-row">
        <label className="grow">
          <span>{t('declare.fieldTitle')}</span>
          <input
            required
            maxLength={300}
            value={title}
            placeholder={t('declare.placeholder')}
            onChange={(event) => setTitle(event.target.value)}
            data-testid="declare-title"
          />
        </label>
        <label>
          <span>{t('declare.severity')}</span>
          <select
            value={severity}
            onChange={(event) => setSeverity(event.target.value as Severity)}
            data-testid="declare-severity"
          >
            {severities.map((value) => (
              <option key={value} value={value}>
                {t(`severity.${value}`)}
              </option>
            ))}
          </select>
        </label>
        {services.length > 0 && (
          <label>
            <span>{t('declare.service')}</span>
            <select value={service} onChange={(event) => setService(event.target.value)} data-testid="declare-service">
              <option value="">{t('declare.noService')}</option>
              {services.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" disabled={busy || title.trim() === ''} data-testid="declare-submit">
          {busy ? t('declare.submitting') : t('declare.submit')}
        </button>
      </div>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {declared !== null && error === null && (
        <p className="success" role="status" data-testid="declare-done">
          {t('declare.done', { id: declared.id })} <Link to={incidentPath(declared.id)}>{t('declare.open')}</Link>
        </p>
      )}
    </form>
  );
}
