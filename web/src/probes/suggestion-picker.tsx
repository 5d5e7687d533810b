import { useI18n } from '../i18n';
import type { ProbeSuggestion, ProbeSuggestions } from './probes-types';

/**
 * A runbook's suggested probes (`GET /api/v1/runbooks/:id/probe-suggestions`): the checks its
 * steps do by hand, each with the step it came from and what is left to fill in. "Use" puts one
 * in the form below, to test against the real target and save; nothing is created until then.
 */
export function SuggestionPicker({
  suggestions,
  picked,
  onPick,
}: {
  suggestions: ProbeSuggestions;
  picked: number | null;
  onPick: (index: number, suggestion: ProbeSuggestion) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="probe-suggestions" aria-labelledby="probe-suggestions-title" data-testid="probe-suggestions">
      <h2 id="probe-suggestions-title">{t('probes.fromRunbook', { runbook: suggestions.runbookId })}</h2>
      <p className="hint">{t('probes.fromRunbookIntro')}</p>
      {suggestions.suggestions.length === 0 ? (
        <p className="empty">{t('probes.suggestionsNone')}</p>
      ) : (
        <ul>
          {suggestions.suggestions.map((suggestion, index) => (
            <li key={index} data-testid="probe-suggestion" aria-current={picked === index ? 'true' : undefined}>
              <strong>{suggestion.name}</strong>
              <code className="suggestion-code">{suggestion.source.code}</code>
              <span className="hint">
                {t('probes.suggestionFrom', {
                  section: suggestion.source.section,
                  line: suggestion.source.line ?? '?',
                })}
              </span>
              {suggestion.needs.length > 0 && (
                <span className="hint">{t('probes.suggestionNeeds', { needs: suggestion.needs.join(', ') })}</span>
              )}
              {suggestion.notes.map((note) => (
                <span key={note} className="hint">
                  {note}
                </span>
              ))}
              <button
                type="button"
                className="secondary"
                aria-label={t('probes.suggestionUseLabel', { name: suggestion.name })}
                onClick={() => onPick(index, suggestion)}
                data-testid="probe-suggestion-use"
              >
                {t('probes.suggestionUse')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
