import { useI18n } from './i18n';
import { toggled, type ListFilter } from './list-filter';
import { incidentStatuses, severities } from './types';

/**
 * Toggle chips for status and severity: real buttons with `aria-pressed`, so they work from the
 * keyboard and say their state to screen readers.
 */
export function FilterChips({ filter, onChange }: { filter: ListFilter; onChange: (filter: ListFilter) => void }) {
  const { t } = useI18n();
  return (
    <div className="filters" aria-label={t('list.filters')} role="group">
      <div className="chip-group" role="group" aria-labelledby="filter-status-label">
        <span id="filter-status-label" className="chip-group-label">{t('list.status')}</span>
        {incidentStatuses.map((status) => (
          <button
            key={status}
            type="button"
            className="chip"
            aria-pressed={filter.statuses.has(status)}
            data-testid={`filter-status-${status}`}
            onClick={() => onChange({ ...filter, statuses: toggled(filter.statuses, status) })}
          >
            {t(`status.${status}`)}
          </button>
        ))}
      </div>
      <div className="chip-group" role="group" aria-labelledby="filter-severity-label">
        <span id="filter-severity-label" className="chip-group-label">{t('list.severity')}</span>
        {severities.map((severity) => (
          <button
            key={severity}
            type="button"
            className={`chip chip-${severity.toLowerCase()}`}
            aria-pressed={filter.severities.has(severity)}
            title={t(`severity.${severity}`)}
            data-testid={`filter-severity-${severity}`}
            onClick={() => onChange({ ...filter, severities: toggled(filter.severities, severity) })}
          >
            {severity}
          </button>
        ))}
      </div>
    </div>
  );
}
