import { api } from '../api';
import { AdminPage } from '../admin/admin-layout';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import type { Paged } from '../types';
import { useResource } from '../use-resource';
import { draftOf, newLayer, type ScheduleDraft } from './schedule-draft';
import { ScheduleEditor } from './schedule-editor';
import type { Person } from './schedule-page';
import { scheduleApi } from './schedule-paths';
import type { ScheduleRecord } from './schedules-types';
import './schedules.css';

/** A new schedule starts with one weekly layer in the browser's zone: the most common shape. */
function blankDraft(): ScheduleDraft {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { id: '', name: '', timeZone: zone, teamId: null, overrides: [], layers: [newLayer(zone, 0)] };
}

async function loadEditor(id: string | null) {
  const [record, users] = await Promise.all([
    id === null ? Promise.resolve(null) : api<ScheduleRecord>('GET', scheduleApi(id)),
    api<Paged<Person>>('GET', '/api/v1/users?limit=500'),
  ]);
  return { draft: record === null ? blankDraft() : draftOf(record), people: users.items };
}

/** `/admin/schedules/new` and `/admin/schedules/:id/edit`: the rotations of a schedule (admin). */
export function ScheduleEditPage({ id }: { id: string | null }) {
  const { t } = useI18n();
  const loaded = useResource(
    { key: `schedule-edit:${id ?? ''}`, load: () => loadEditor(id) },
    { notFoundIsState: true },
  );
  return (
    <AdminPage
      minRole="admin"
      title={id === null ? 'schedules.newTitle' : 'schedules.editTitle'}
      intro="schedules.editIntro"
    >
      <div className="schedule-edit">
        <LoadError error={loaded.error} onRetry={loaded.reload} />
        {loaded.notFound && <p role="alert">{t('error.notFound', { what: id ?? '' })}</p>}
        {loaded.data === null ? (
          loaded.error === null && !loaded.notFound && <p>{t('app.loading')}</p>
        ) : (
          <ScheduleEditor initial={loaded.data.draft} people={loaded.data.people} isNew={id === null} />
        )}
      </div>
    </AdminPage>
  );
}
