import type { MouseEvent } from 'react';
import { OverdueMark, SeverityBadge, StatusLabel } from './badges';
import { formatAge } from './format';
import { useI18n } from './i18n';
import { matchesFilter, type ListFilter } from './list-filter';
import { incidentPath, Link, navigate } from './router';
import { isOverdue, type Incident } from './types';

/**
 * The incidents as a table, which a phone shows as a list of cards (styles.css: each row a small grid, the title
 * first, the column heads hidden since each cell says what it is). The title is the link (one tab stop per row for keyboard users);
 * a click anywhere else on the row goes there too, for the mouse.
 */
export function IncidentTable({
  incidents,
  filter,
  now,
}: {
  incidents: readonly Incident[];
  filter: ListFilter;
  now: number;
}) {
  const { t } = useI18n();
  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    // The link handles its own clicks; selecting text to copy an id must not navigate.
    if ((event.target as HTMLElement).closest('a') !== null || window.getSelection()?.toString() !== '') return;
    navigate(incidentPath(id));
  };
  return (
    <table className="incidents" data-testid="incident-table">
      <thead>
        <tr>
          <th scope="col">{t('list.colId')}</th>
          <th scope="col">{t('list.colSeverity')}</th>
          <th scope="col">{t('list.colTitle')}</th>
          <th scope="col">{t('list.colStatus')}</th>
          <th scope="col">{t('list.colServices')}</th>
          <th scope="col">{t('list.colAge')}</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => {
          const stale = !matchesFilter(incident, filter);
          return (
            <tr
              key={incident.id}
              className={`incident-row${stale ? ' stale' : ''}`}
              title={stale ? t('list.stale') : undefined}
              data-testid="incident-row"
              data-incident-id={incident.id}
              onClick={(event) => openRow(event, incident.id)}
            >
              <td className="incident-id">{incident.id}</td>
              <td className="cell-severity">
                <SeverityBadge severity={incident.severity} />
              </td>
              <td className="incident-title">
                <Link to={incidentPath(incident.id)}>{incident.title}</Link>
              </td>
              <td className="cell-status" data-testid="incident-status" data-status={incident.status}>
                <StatusLabel status={incident.status} />
              </td>
              <td className="cell-services">
                {incident.services.length === 0 ? t('common.none') : incident.services.join(', ')}
              </td>
              <td className="incident-age">
                {formatAge(
                  incident.detectedAt,
                  incident.resolvedAt === null ? now : Date.parse(incident.resolvedAt),
                  t,
                )}
                {isOverdue(incident, now) && (
                  <>
                    {' '}
                    <OverdueMark />
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
