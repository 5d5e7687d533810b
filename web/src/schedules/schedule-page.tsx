import { api, withQuery } from '../api';
import { hasRole } from '../console-route';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import type { Paged } from '../types';
import { pageRefreshMs, useResource } from '../use-resource';
import { OverrideForm } from './override-form';
import { OverrideList } from './override-list';
import { scheduleApi, scheduleEditPath, schedulePath } from './schedule-paths';
import type { ScheduleRecord, ScheduleTimeline, ShiftSwap } from './schedules-types';
import { SwapsSection } from './swaps-section';
import { TimelineView } from './timeline-view';
import '../admin/admin.css';
import './schedules.css';

export interface Person {
  id: string;
  name: string;
}

async function loadSchedulePage(id: string, from: string | null) {
  const base = scheduleApi(id);
  const [schedule, timeline, swaps, users] = await Promise.all([
    api<ScheduleRecord>('GET', base),
    api<ScheduleTimeline>('GET', withQuery(`${base}/timeline`, { from: from ?? undefined })),
    api<ShiftSwap[]>('GET', `${base}/swaps`),
    api<Paged<Person>>('GET', '/api/v1/users?limit=500'),
  ]);
  return { schedule, timeline, swaps, people: users.items };
}

/**
 * `/schedules/:id`: the next two weeks as the server resolves them (a row per layer, the
 * overrides, who is on call), then the overrides to add or remove and the swaps to ask for or
 * take. Everyone may look; responders change who covers, admins edit the rotations.
 */
export function SchedulePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  // The window's start is in the URL, so a later fortnight can be linked to and comes back on reload.
  const from = useLocation().search.get('from');
  const loaded = useResource(
    { key: `schedule:${id}:${from ?? ''}`, load: () => loadSchedulePage(id, from) },
    { refreshMs: pageRefreshMs, notFoundIsState: true },
  );
  const data = loaded.data;
  const reload = () => void loaded.reload();
  if (loaded.notFound) return <p role="alert">{t('error.notFound', { what: id })}</p>;
  const responder = hasRole(session.user.role, 'responder');
  return (
    <section className="schedule-page">
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <h1>{data.schedule.name}</h1>
          <p className="muted">
            {t('schedules.summary', {
              zone: data.schedule.definition.timeZone,
              layers: data.schedule.definition.layers.length,
            })}{' '}
            {hasRole(session.user.role, 'admin') && (
              <Link to={scheduleEditPath(id)} data-testid="schedule-edit-link">
                {t('schedules.edit')}
              </Link>
            )}
          </p>
          <h2 id="schedule-preview">{t('schedules.preview')}</h2>
          <p className="hint">{t('schedules.previewHint', { zone: data.timeline.timeZone })}</p>
          <TimelineView timeline={data.timeline} label={t('schedules.preview')} />
          <p className="row-actions">
            {from !== null && <Link to={schedulePath(id)}>{t('schedules.backToToday')}</Link>}
            <Link to={withQuery(schedulePath(id), { from: data.timeline.to })} data-testid="timeline-later">
              {t('schedules.later')}
            </Link>
          </p>
          <h2 id="schedule-overrides">{t('schedules.overrides')}</h2>
          <OverrideList schedule={data.schedule} people={data.people} canRemove={responder} onChanged={reload} />
          {responder && <OverrideForm schedule={data.schedule} people={data.people} onAdded={reload} />}
          <SwapsSection
            schedule={data.schedule}
            timeline={data.timeline}
            swaps={data.swaps}
            people={data.people}
            onChanged={reload}
          />
        </>
      )}
    </section>
  );
}
