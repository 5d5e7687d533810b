import { useEffect, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import type { AlertExplanation, IntegrationSettings, Service } from './admin-types';
import { parseLabelLines } from './integration-settings-draft';

const sampleLabels = 'alertname=HighErrorRate\nseverity=critical\nservice=payments';
/** Typing pauses this long before the server is asked: one question per pause, not per key. */
const pauseMs = 300;

interface Props {
  integrationId: string;
  settings: IntegrationSettings;
  services: readonly Service[];
}

/**
 * "An alert with labels {…} → group [X], P1, service payments": the server's planning of the
 * labels typed, under the settings of the form (saved or not), and whether it would be muted now.
 */
export function IntegrationExplain({ integrationId, settings, services }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(sampleLabels);
  const { labels, badLines } = parseLabelLines(text);
  const question = JSON.stringify({ labels, settings });
  const [asked, setAsked] = useState(question);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(question), pauseMs);
    return () => clearTimeout(timer);
  }, [question]);
  const explanation = useResource<AlertExplanation>({
    key: asked,
    load: () =>
      api<AlertExplanation>(
        'POST',
        `/api/v1/integrations/${encodeURIComponent(integrationId)}/explain`,
        JSON.parse(asked) as unknown,
      ),
  });
  const serviceName = (id: string) => services.find((service) => service.id === id)?.name ?? id;
  const result = explanation.data;

  return (
    <aside className="integration-explain" aria-labelledby="integration-explain-title">
      <h3 id="integration-explain-title">{t('integration.explain')}</h3>
      <label>
        <span>{t('integration.labels')}</span>
        <textarea
          rows={4}
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          aria-describedby="integration-explain-hint"
          data-testid="integration-explain-labels"
        />
      </label>
      <p className="hint" id="integration-explain-hint">
        {t('integration.explainHint')}
      </p>
      {badLines.map((line) => (
        <p key={line} className="field-error">
          {t('integration.explainBadLine', { line })}
        </p>
      ))}
      <LoadError error={explanation.error} onRetry={explanation.reload} />
      {result !== null && (
        <p aria-live="polite" className="explain-result" data-testid="integration-explain-result">
          {t('integration.explainResult')}{' '}
          <strong>
            {Object.keys(result.groupLabels).length > 0
              ? t('integration.explainGroup', {
                  labels: Object.values(result.groupLabels).join(', '),
                })
              : result.ownGroup
                ? t('integration.explainOwnGroup')
                : t('integration.explainAll')}
          </strong>
          {', '}
          <strong>
            {result.severityFromMap && result.severityWord !== null
              ? t('integration.explainSeverity', { severity: result.severity, word: result.severityWord })
              : t('integration.explainDefault', { severity: result.severity })}
          </strong>
          {', '}
          <strong>
            {result.serviceId === null
              ? t('integration.explainNoService')
              : t('integration.explainService', { service: serviceName(result.serviceId) })}
          </strong>
          {result.suppressedNow !== null && (
            <>
              {' — '}
              <strong>{t('integration.explainMuted')}</strong>
            </>
          )}
        </p>
      )}
    </aside>
  );
}
