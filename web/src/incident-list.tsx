import { useCallback, useEffect, useRef, useState } from 'react';
import { api, withQuery } from './api';
import { StreamIndicator } from './badges';
import { DeclareForm } from './declare-form';
import { FilterChips } from './filter-chips';
import { errorText, useNow } from './format';
import { useI18n } from './i18n';
import { IncidentTable } from './incident-table';
import { defaultFilter, filterQuery, upsertIncident, type ListFilter } from './list-filter';
import { PhoneFold } from './phone-fold';
import { navigate, useLocation } from './router';
import { useSession } from './session';
import { canRespond, type Incident, type Paged, type ServiceChoice } from './types';
import { useIncidentStream } from './use-incident-stream';
import { useResource } from './use-resource';

const servicesPath = withQuery('/api/v1/services', { limit: 500 });

/** How many choices narrow the list, said on the folded filters so that a phone shows the list is filtered. */
const activeFilters = (filter: ListFilter): number =>
  filter.statuses.size + filter.severities.size + (filter.service === null ? 0 : 1);

interface ListState {
  items: Incident[];
  total: number;
}

/**
 * The incidents page: filters, the live table, and the declare form. The table is loaded for the
 * filter, then kept current by the event stream, without reloading.
 */
export function IncidentList() {
  const { t } = useI18n();
  const { session } = useSession();
  const now = useNow();
  const { search } = useLocation();
  // For the filter and the declare form's pickers. A failed read leaves the list empty: the
  // pickers then hide, and everything else on the page keeps working.
  const services = useResource<Paged<ServiceChoice>>(servicesPath).data?.items ?? [];
  const [filter, setFilter] = useState<ListFilter>(() => ({ ...defaultFilter, service: search.get('service') }));
  // The service is in the URL, so a link (from a service's page) or a reload keeps it.
  const changeFilter = useCallback((next: ListFilter) => {
    setFilter(next);
    navigate(next.service === null ? '/' : `/?service=${encodeURIComponent(next.service)}`, { replace: true });
  }, []);
  // A link followed while already on this page (the header's, a service's) changes the URL only.
  const serviceParam = search.get('service');
  useEffect(() => {
    setFilter((current) => (current.service === serviceParam ? current : { ...current, service: serviceParam }));
  }, [serviceParam]);
  const [list, setList] = useState<ListState | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Incidents streamed while a load is in flight: its answer may predate them.
  const streamedDuringLoad = useRef<Incident[] | null>(null);
  const loadCount = useRef(0);
  const filterRef = useRef(filter);
  // Read by the stream's handler, which must see the filter of this render, not of its first.
  filterRef.current = filter;

  const apply = useCallback((incident: Incident) => {
    setList((current) => {
      if (current === null) return current;
      const { list: items, added } = upsertIncident(current.items, incident, filterRef.current);
      return { items, total: current.total + (added ? 1 : 0) };
    });
  }, []);

  const load = useCallback(
    async (wanted: ListFilter) => {
      const mine = ++loadCount.current;
      // Filled by the stream's handler for as long as this is the latest load.
      const streamed: Incident[] = [];
      streamedDuringLoad.current = streamed;
      try {
        const page = await api<Paged<Incident>>('GET', withQuery('/api/v1/incidents', filterQuery(wanted)));
        if (mine !== loadCount.current) return; // A newer load (another filter) has taken over.
        let state: ListState = { items: page.items, total: page.total };
        for (const incident of streamed) {
          const { list: items, added } = upsertIncident(state.items, incident, wanted);
          state = { items, total: state.total + (added ? 1 : 0) };
        }
        streamedDuringLoad.current = null;
        setList(state);
        setError(null);
      } catch (failure) {
        if (mine === loadCount.current) setError(errorText(failure, t));
      }
    },
    [t],
  );

  useEffect(() => {
    void load(filter);
  }, [filter, load]);

  const stream = useIncidentStream({
    onIncident: (incident) => {
      streamedDuringLoad.current?.push(incident);
      apply(incident);
    },
    onOpen: () => void load(filterRef.current),
  });

  return (
    <section className="incident-list">
      <div className="page-title">
        <h1>{t('list.title')}</h1>
        <StreamIndicator state={stream} />
      </div>
      {/* On a phone both fold away under one line each: the first screen is for the incidents. */}
      <div className="list-folds">
        {canRespond(session.user) && (
          <PhoneFold summary={t('phone.declare')} testId="declare-fold">
            <DeclareForm services={services} onDeclared={apply} />
          </PhoneFold>
        )}
        <PhoneFold summary={t('phone.filtersActive', { count: activeFilters(filter) })} testId="filters-fold">
          <FilterChips filter={filter} services={services} onChange={changeFilter} />
        </PhoneFold>
      </div>
      {error !== null && (
        <div className="error" role="alert">
          {error}{' '}
          <button type="button" onClick={() => void load(filter)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {list === null ? (
        error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <p className="count" data-testid="incident-count">
            {t('list.showing', { shown: list.items.length, total: list.total })}
          </p>
          {list.items.length === 0 ? (
            <p className="empty" data-testid="incident-list-empty">
              {t('list.empty')}
            </p>
          ) : (
            <IncidentTable incidents={list.items} filter={filter} now={now} />
          )}
        </>
      )}
    </section>
  );
}
