import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import type { ChecklistTemplate } from '../../../src/checklists/checklist-template-model.js';
import type { IncidentChecklist } from '../../../src/checklists/incident-checklist-model.js';

/**
 * The incident's checklists (triage, communication, handover…): each item checked off by a
 * responder, with who and when; a template's list can be attached. Re-read whenever the incident
 * changes, so a box ticked on another screen shows here too.
 */
export function IncidentChecklists({
  incidentId,
  responder,
  changes,
}: {
  incidentId: string;
  responder: boolean;
  changes: number;
}) {
  const { t } = useI18n();
  const [checklists, setChecklists] = useState<IncidentChecklist[]>([]);
  const [templates, setTemplates] = useState<ChecklistTemplate[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const base = `/api/v1/incidents/${encodeURIComponent(incidentId)}/checklists`;

  const refresh = useCallback(async () => {
    try {
      setChecklists(await api<IncidentChecklist[]>('GET', base));
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }, [base, t]);
  useEffect(() => {
    void refresh();
  }, [refresh, changes]);
  useEffect(() => {
    if (!responder) return;
    api<ChecklistTemplate[]>('GET', '/api/v1/checklist-templates').then(setTemplates, (failure: unknown) =>
      setError(errorText(failure, t)),
    );
  }, [responder, t]);

  const replace = (changed: IncidentChecklist) =>
    setChecklists((current) =>
      current.some((list) => list.id === changed.id)
        ? current.map((list) => (list.id === changed.id ? changed : list))
        : [...current, changed],
    );
  const toggle = async (checklist: IncidentChecklist, position: number, checked: boolean) => {
    setError(null);
    // Shown at once (a box that lags behind the click gets clicked twice); the answer, or a re-read
    // after a failure, sets what the server holds.
    replace({
      ...checklist,
      items: checklist.items.map((item) => (item.position === position ? { ...item, checked } : item)),
    });
    try {
      replace(
        await api<IncidentChecklist>('PUT', `${base}/${encodeURIComponent(checklist.id)}/items/${position}`, {
          checked,
        }),
      );
    } catch (failure) {
      setError(errorText(failure, t));
      void refresh();
    }
  };
  const attach = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      replace(await api<IncidentChecklist>('POST', base, { templateId }));
      setTemplateId('');
    } catch (failure) {
      setError(errorText(failure, t));
    }
  };
  const unused = templates.filter((template) => !checklists.some((list) => list.templateId === template.id));

  return (
    <section className="incident-checklists" aria-labelledby="checklists-heading" data-testid="incident-checklists">
      <h2 id="checklists-heading">{t('tools.checklists')}</h2>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {checklists.length === 0 && <p className="muted">{t('tools.noChecklist')}</p>}
      {checklists.map((checklist) => (
        <fieldset key={checklist.id} className="checklist" data-testid="checklist">
          <legend>
            {checklist.name}{' '}
            <span className="muted">
              ({checklist.progress.checked}/{checklist.progress.total})
            </span>
          </legend>
          {checklist.items.map((item) => (
            <label key={item.position} className="checkbox">
              <input
                type="checkbox"
                checked={item.checked}
                disabled={!responder}
                onChange={(event) => void toggle(checklist, item.position, event.target.checked)}
                data-testid="checklist-item"
              />
              <span>
                {item.text}
                {item.checkedBy !== null && <span className="muted"> — {item.checkedBy}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      {responder && unused.length > 0 && (
        <form className="form-row" onSubmit={(event) => void attach(event)}>
          <label className="grow">
            <span>{t('tools.attachChecklist')}</span>
            <select
              value={templateId}
              onChange={(event) => setTemplateId(event.target.value)}
              data-testid="checklist-template"
            >
              <option value="">{t('common.none')}</option>
              {unused.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={templateId === ''} data-testid="checklist-attach">
            {t('tools.attach')}
          </button>
        </form>
      )}
    </section>
  );
}
