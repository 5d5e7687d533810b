import { api } from '../api';
import { hasRole } from '../console-route';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useAction } from '../use-action';
import type { Person } from './schedule-page';
import { scheduleApi } from './schedule-paths';
import type { ScheduleRecord, ScheduleTimeline, ShiftSwap } from './schedules-types';
import { SwapAskForm } from './swap-ask-form';
import { momentIn } from './timeline-format';

/** One swap: whose shift, when, why, and a Take button when someone else may take it. */
function SwapItem({
  swap,
  schedule,
  people,
  onChanged,
}: {
  swap: ShiftSwap;
  schedule: ScheduleRecord;
  people: readonly Person[];
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const take = useAction();
  const zone = schedule.definition.timeZone;
  const nameOf = (userId: string) => people.find((person) => person.id === userId)?.name ?? userId;
  const who = nameOf(swap.requestedBy);
  const when = `${momentIn(swap.startsAt, zone, language)} → ${momentIn(swap.endsAt, zone, language)}`;
  const canTake =
    swap.status === 'open' && swap.requestedBy !== session.user.id && hasRole(session.user.role, 'responder');
  return (
    <li data-testid="swap-item" data-status={swap.status}>
      <strong>{who}</strong> {when} — <span data-testid="swap-status">{t(`schedules.swapStatus.${swap.status}`)}</span>
      {swap.takenBy !== null && ` (${t('schedules.swapTakenBy', { name: nameOf(swap.takenBy) })})`}
      {swap.reason !== '' && <span className="muted"> — {swap.reason}</span>}{' '}
      {canTake && (
        <button
          type="button"
          disabled={take.busy}
          aria-label={t('schedules.swapTakeLabel', { name: who, when })}
          data-testid="swap-take"
          onClick={() =>
            void take.run(async () => {
              await api('POST', scheduleApi(schedule.id, `/swaps/${swap.id}/take`));
              onChanged();
            })
          }
        >
          {t('schedules.swapTake')}
        </button>
      )}
      {take.error !== null && (
        <span className="field-error" role="alert">
          {take.error}
        </span>
      )}
    </li>
  );
}

/**
 * Swaps: asking for cover of one's own shift, and taking someone else's. Taking one makes an
 * override with both names, so the chart above shows it at once.
 */
export function SwapsSection({
  schedule,
  timeline,
  swaps,
  people,
  onChanged,
}: {
  schedule: ScheduleRecord;
  timeline: ScheduleTimeline;
  swaps: readonly ShiftSwap[];
  people: readonly Person[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const mine = timeline.final.filter(
    (piece) => piece.userId === session.user.id && Date.parse(piece.end) > Date.parse(timeline.now),
  );
  return (
    <section aria-labelledby="schedule-swaps">
      <h2 id="schedule-swaps">{t('schedules.swaps')}</h2>
      {swaps.length === 0 ? (
        <p className="empty">{t('schedules.swapsEmpty')}</p>
      ) : (
        <ul className="schedule-list" data-testid="swap-list">
          {swaps.map((swap) => (
            <SwapItem key={swap.id} swap={swap} schedule={schedule} people={people} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {hasRole(session.user.role, 'responder') &&
        (mine.length === 0 ? (
          <p className="hint">{t('schedules.swapNoShift')}</p>
        ) : (
          <SwapAskForm schedule={schedule} shifts={mine} onAsked={onChanged} />
        ))}
    </section>
  );
}
