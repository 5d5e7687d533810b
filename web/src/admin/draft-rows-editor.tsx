import { useI18n } from '../i18n';
import type { DraftRow } from './integration-settings-draft';

interface DraftRowsEditorProps<V extends string> {
  legend: string;
  hint?: string;
  keyLabel: string;
  valueLabel: string;
  rows: readonly DraftRow<V>[];
  onChange: (rows: DraftRow<V>[]) => void;
  /** The choices of the value column; a free text field when undefined. */
  choices?: readonly { value: V; label: string }[];
  fresh: DraftRow<V>;
  addLabel: string;
  testId: string;
}

/**
 * A small two-column table being edited (word → priority, label value → service): each row a
 * line of two fields and a remove button, and an add button below. On a phone the two fields
 * wrap under each other; every field has its own label for screen readers.
 */
export function DraftRowsEditor<V extends string>(props: DraftRowsEditorProps<V>) {
  const { t } = useI18n();
  const { rows, onChange, choices } = props;
  const change = (index: number, row: DraftRow<V>) => onChange(rows.map((old, at) => (at === index ? row : old)));

  return (
    <fieldset className="draft-rows" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {props.hint !== undefined && <p className="hint">{props.hint}</p>}
      {rows.map((row, index) => (
        <div className="form-row" key={index} data-testid={`${props.testId}-row`}>
          <label>
            <span>{props.keyLabel}</span>
            <input value={row.key} onChange={(event) => change(index, { ...row, key: event.target.value })} />
          </label>
          <label>
            <span>{props.valueLabel}</span>
            {choices === undefined ? (
              <input
                value={row.value}
                onChange={(event) => change(index, { ...row, value: event.target.value as V })}
              />
            ) : (
              <select value={row.value} onChange={(event) => change(index, { ...row, value: event.target.value as V })}>
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </label>
          <button
            type="button"
            className="secondary"
            aria-label={t('integration.removeRow', { name: row.key })}
            onClick={() => onChange(rows.filter((_, at) => at !== index))}
          >
            {t('integration.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...rows, props.fresh])}
        data-testid={`${props.testId}-add`}
      >
        {props.addLabel}
      </button>
    </fieldset>
  );
}
