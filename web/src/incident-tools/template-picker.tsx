import { useEffect, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { Incident, Paged } from '../types';
import { fillTemplate } from './fill-template';

interface TemplateDraft {
  id: string;
  title: string;
  data: { body?: unknown; placeholders?: unknown; channel?: unknown };
}

/**
 * The communication templates found in the team's runbooks ("Template de Communication"), to
 * start a status update from: choosing one puts its text in the message, the blanks the incident
 * can answer already filled.
 */
export function TemplatePicker({ incident, onPick }: { incident: Incident; onPick: (text: string) => void }) {
  const { language, t } = useI18n();
  const [templates, setTemplates] = useState<TemplateDraft[]>([]);

  useEffect(() => {
    // Without templates the composer works as before: a failed read only hides the picker.
    api<Paged<TemplateDraft>>('GET', '/api/v1/runbook-drafts?kind=communication-template&limit=100').then(
      (page) => setTemplates(page.items),
      () => setTemplates([]),
    );
  }, []);
  if (templates.length === 0) return null;

  const pick = (id: string) => {
    const template = templates.find((candidate) => candidate.id === id);
    if (template === undefined || typeof template.data.body !== 'string') return;
    const placeholders = Array.isArray(template.data.placeholders)
      ? template.data.placeholders.filter((name): name is string => typeof name === 'string')
      : [];
    onPick(fillTemplate(template.data.body, placeholders, incident, new Date(), language === 'fr' ? 'fr-FR' : 'en-GB'));
  };

  return (
    <label>
      <span>{t('tools.startFromTemplate')}</span>
      <select value="" onChange={(event) => pick(event.target.value)} data-testid="status-update-template">
        <option value="">{t('common.none')}</option>
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.title}
          </option>
        ))}
      </select>
    </label>
  );
}
