import { useI18n } from './i18n';
import { toggled, type ListFilter } from './list-filter';
import { incidentStatuses, severities, type ServiceChoice } from './types';

/**
 * Toggle chips for status and severity: real buttons with `aria-pressed`, so they work from the
 * keyboard and say their state to screen readers; and a service picker.
 */
export function FilterChips({
  filter,
  services,
  onChange,
}: {
  filter: ListFilter;
  services: readonly ServiceChoice[];
  onChange: (filter: ListFilter) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="filters" aria-label={t('list.filters')} role="group">
      <div className="chip-group" role="group" aria-labelledby="filter-status-label">
        <span id="filter-status-label" className="chip-group-label">
          {t('list.status')}
        </span>
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
        <span id="filter-severity-label" className="chip-group-label">
          {t('list.severity')}
        </span>
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
      {(services.length > 0 || filter.service !== null) && (
        <label className="service-filter">
          <span>{t('list.service')}</span>
          <select
            value={filter.service ?? ''}
            onChange={(event) =>
              onChange({ ...filter, service: event.target.value === '' ? null : event.target.value })
            }
            data-testid="filter-service"
          >
            <option value="">{t('list.anyService')}</option>
            {/* A service named in the URL stays selectable before (or without) the catalogue. */}
            {filter.service !== null && !services.some((service) => service.id === filter.service) && (
              <option value={filter.service}>{filter.service}</option>
            )}
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
