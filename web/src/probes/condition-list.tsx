import { useRef } from 'react';
import { FieldError, type AdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';

/**
 * A probe's conditions, one input each, added and removed in place. The hint lists the values
 * the kind fills (its row's placeholders, from the API), so `[STAUTS]` is caught while typing
 * rather than at 3 a.m. Focus goes to the new input on add, and to "add" when one is removed.
 */
export function ConditionList({
  conditions,
  placeholders,
  defaults,
  form,
  onChange,
}: {
  conditions: readonly string[];
  placeholders: readonly string[];
  defaults: readonly string[];
  form: AdminForm;
  onChange: (conditions: string[]) => void;
}) {
  const { t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const add = () => {
    onChange([...conditions, '']);
    // After React has drawn it: the new input is the list's last.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  const remove = (index: number) => {
    onChange(conditions.filter((_, at) => at !== index));
    addRef.current?.focus();
  };

  return (
    <fieldset className="probe-conditions">
      <legend>{t('probes.conditions')}</legend>
      <p className="hint">
        {t('probes.conditionsHint', { placeholders: placeholders.map((name) => `[${name}]`).join(', ') })}
      </p>
      {conditions.length === 0 && (
        <p className="hint">{t('probes.conditionsDefault', { defaults: defaults.join(', ') })}</p>
      )}
      <ol ref={listRef}>
        {conditions.map((condition, index) => (
          <li key={index}>
            <label>
              <span>{t('probes.conditionLabel', { number: index + 1 })}</span>
              <input
                value={condition}
                autoCapitalize="none"
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => onChange(conditions.map((one, at) => (at === index ? event.target.value : one)))}
                data-testid="probe-condition"
                {...form.describe(`/conditions/${index}`)}
              />
              <FieldError form={form} path={`/conditions/${index}`} />
            </label>
            <button
              type="button"
              className="secondary"
              aria-label={t('probes.conditionRemoveLabel', { number: index + 1 })}
              onClick={() => remove(index)}
              data-testid="probe-condition-remove"
            >
              {t('probes.conditionRemove')}
            </button>
          </li>
        ))}
      </ol>
      <button ref={addRef} type="button" className="secondary" onClick={add} data-testid="probe-condition-add">
        {t('probes.conditionAdd')}
      </button>
      <FieldError form={form} path="/conditions" />
    </fieldset>
  );
}
