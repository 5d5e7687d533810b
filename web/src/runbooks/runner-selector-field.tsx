import { useId } from 'react';
import { FieldError, type AdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { labelsText, parseLabels, type Runner } from '../runners/runners-api';

interface Props {
  value: string;
  onChange: (value: string) => void;
  runners: readonly Runner[] | null;
  form: AdminForm;
  readOnly: boolean;
}

/** The runners a selector reaches: every label it names, with that value (the server's `labels @> selector`). */
function runnersMatching(runners: readonly Runner[], selector: string) {
  const { labels, invalid } = parseLabels(selector);
  const wanted = labels.map((label) => {
    const equals = label.indexOf('=');
    return [label.slice(0, equals), label.slice(equals + 1)] as const;
  });
  const matches = (runner: Runner) => wanted.every(([name, value]) => runner.labels[name] === value);
  const connected = runners.filter((runner) => runner.connected);
  return { invalid, matching: connected.filter(matches), others: connected.filter((runner) => !matches(runner)) };
}

/**
 * The runner selector, and beside it the connected runners it reaches as typed: a selector no
 * runner matches leaves every step queued, which the admin should see before saving, not during
 * an incident.
 */
export function RunnerSelectorField({ value, onChange, runners, form, readOnly }: Props) {
  const { t } = useI18n();
  const id = useId();
  const { invalid, matching, others } = runnersMatching(runners ?? [], value);

  return (
    <fieldset>
      <legend>{t('runbooks.exec.runner')}</legend>
      <label>
        <span>{t('runbooks.exec.selector')}</span>
        <input
          value={value}
          readOnly={readOnly}
          spellCheck={false}
          autoComplete="off"
          placeholder="env=prod, site=eu"
          onChange={(event) => onChange(event.target.value)}
          data-testid="runner-selector"
          aria-describedby={`${id}-hint`}
          {...form.describe('/runner')}
        />
        <span className="hint" id={`${id}-hint`}>
          {t('runbooks.exec.selectorHint')}
        </span>
        {invalid.length > 0 && (
          <span className="field-error" data-testid="runner-selector-invalid">
            {t('runbooks.exec.selectorInvalid', { parts: invalid.join(' ') })}
          </span>
        )}
        <FieldError form={form} path="/runner" />
      </label>
      {runners !== null && (
        <section className="runner-preview" aria-labelledby={`${id}-preview`} aria-live="polite">
          <h3 id={`${id}-preview`}>{t('runbooks.exec.preview')}</h3>
          {matching.length === 0 ? (
            <p className="runner-preview-none" data-testid="runner-preview-none">
              {t('runbooks.exec.previewNone')}
            </p>
          ) : (
            <ul className="runner-preview-list" data-testid="runner-preview">
              {matching.map((runner) => (
                <li key={runner.id} data-testid="runner-preview-item" data-name={runner.name}>
                  <strong>{runner.name}</strong>{' '}
                  <span className="hint">
                    {Object.keys(runner.labels).length === 0
                      ? t('runbooks.exec.noLabels')
                      : labelsText(runner.labels).join(', ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {others.length > 0 && (
            <p className="hint" data-testid="runner-preview-others">
              {t('runbooks.exec.previewOthers', { count: others.length })}
            </p>
          )}
        </section>
      )}
    </fieldset>
  );
}
