import { eventLabel, summarizeEvent } from './event-summary';
import { formatTime } from './format';
import { useI18n } from './i18n';
import type { TimelineEvent } from './types';

/** The events sorted by seq with any duplicate dropped (a streamed refresh racing a post's answer). */
export function mergeEvents(current: readonly TimelineEvent[], more: readonly TimelineEvent[]): TimelineEvent[] {
  const bySeq = new Map<number, TimelineEvent>();
  for (const event of [...current, ...more]) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The append-only timeline, newest first: during an incident the latest event is the one people
 * need, and it must not sit below a screenful of history. Each item keeps its `data-seq`.
 */
export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const { language, t } = useI18n();
  const newestFirst = [...events].reverse();
  return (
    <section className="timeline-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      {events.length === 0 ? (
        <p data-testid="timeline">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" data-testid="timeline" reversed>
          {newestFirst.map((event) => (
            <li
              key={event.seq}
              className={`timeline-event event-${event.type}`}
              data-testid="timeline-event"
              data-seq={event.seq}
              data-type={event.type}
            >
              <div className="event-head">
                <time dateTime={event.occurredAt} title={event.occurredAt}>
                  {formatTime(event.occurredAt, language)}
                </time>
                <strong className="event-type">{eventLabel(event.type, t)}</strong>
                <span className="event-actor">{t('timeline.by', { name: event.actor.name })}</span>
                {event.type === 'status_update_posted' && event.payload.public && (
                  <span className="tag-public">{t('update.publicMark')}</span>
                )}
              </div>
              <p className="event-summary">{summarizeEvent(event, t)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
