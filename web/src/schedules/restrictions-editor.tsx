import { useI18n } from '../i18n';
import { allWeekdays, freshKey, type RestrictionDraft } from './schedule-draft';

/** ISO weekday 1 (Monday) … 7 as a short name in the page's language. */
function weekdayName(day: number, language: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );
}

/**
 * The windows a layer is on call in (working hours, nights, weekends); none means always. A window
 * ending at or before it starts runs past midnight, as the API reads it.
 */
export function RestrictionsEditor({
  restrictions,
  onChange,
}: {
  restrictions: readonly RestrictionDraft[];
  onChange: (restrictions: RestrictionDraft[]) => void;
}) {
  const { t, language } = useI18n();
  const update = (index: number, change: Partial<RestrictionDraft>) =>
    onChange(restrictions.map((r, at) => (at === index ? { ...r, ...change } : r)));
  return (
    <fieldset>
      <legend>{t('schedules.restrictions')}</legend>
      <p className="hint">
        {restrictions.length === 0 ? t('schedules.restrictionsNone') : t('schedules.restrictionsHint')}
      </p>
      {restrictions.map((window, index) => (
        <fieldset key={window.key} data-testid="restriction">
          <legend>{t('schedules.window', { n: index + 1 })}</legend>
          <div className="weekdays" role="group" aria-label={t('schedules.weekdays')}>
            {allWeekdays.map((day) => (
              <label key={day}>
                <input
                  type="checkbox"
                  checked={window.weekdays.includes(day)}
                  onChange={(e) =>
                    update(index, {
                      weekdays: e.target.checked ? [...window.weekdays, day] : window.weekdays.filter((d) => d !== day),
                    })
                  }
                />{' '}
                {weekdayName(day, language)}
              </label>
            ))}
          </div>
          <div className="form-row">
            <label>
              <span>{t('schedules.windowFrom')}</span>
              <input
                type="time"
                value={window.from}
                onChange={(e) => update(index, { from: e.target.value })}
                data-testid="restriction-from"
              />
            </label>
            <label>
              <span>{t('schedules.windowTo')}</span>
              <input
                type="time"
                value={window.to}
                onChange={(e) => update(index, { to: e.target.value })}
                data-testid="restriction-to"
              />
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() => onChange(restrictions.filter((_, at) => at !== index))}
            >
              {t('schedules.windowRemove', { n: index + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        data-testid="restriction-add"
        onClick={() =>
          onChange([
            ...restrictions,
            { key: freshKey('window'), weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
          ])
        }
      >
        {t('schedules.windowAdd')}
      </button>
    </fieldset>
  );
}
