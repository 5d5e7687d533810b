import { FieldError, type AdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { timingFields, type TimingField } from './probe-draft';

/** How often a probe is checked and how long it must fail before alerting; empty fields take the server's defaults. */
export function TimingFields({
  timing,
  form,
  onChange,
}: {
  timing: Record<TimingField, string>;
  form: AdminForm;
  onChange: (field: TimingField, value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="probe-timing">
      <legend>{t('probes.timing')}</legend>
      <p className="hint">{t('probes.timingDefault')}</p>
      {timingFields.map((field) => (
        <label key={field}>
          <span>{t(`probes.timing.${field}`)}</span>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            value={timing[field]}
            onChange={(event) => onChange(field, event.target.value)}
            data-testid={`probe-${field}`}
            {...form.describe(`/${field}`)}
          />
          <FieldError form={form} path={`/${field}`} />
        </label>
      ))}
    </fieldset>
  );
}
