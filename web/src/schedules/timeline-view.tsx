import { useI18n } from '../i18n';
import { personColour } from './person-colour';
import type { ScheduleTimeline } from './schedules-types';
import { dayLabel, momentIn, placeOf } from './timeline-format';
import './schedules.css';

interface Block {
  key: string;
  userId: string | null;
  name: string | null;
  start: string;
  end: string;
  override?: boolean;
}

/** One row: its label, fixed while the days scroll, and its blocks placed by time. */
function Row({
  label,
  blocks,
  timeline,
  testId,
}: {
  label: string;
  blocks: Block[];
  timeline: ScheduleTimeline;
  testId: string;
}) {
  const { t, language } = useI18n();
  return (
    <div className="tl-row" data-testid={testId}>
      <div className="tl-label">{label}</div>
      <ul className="tl-track">
        {blocks.map((block) => (
          <li
            key={block.key}
            className={`tl-block${block.userId === null ? ' tl-gap' : ''}${block.override === true ? ' tl-override' : ''}`}
            style={{
              ...placeOf(block.start, block.end, timeline),
              ...(block.userId === null ? {} : { backgroundColor: personColour(block.userId) }),
            }}
            title={`${block.name ?? t('schedules.nobody')} ${momentIn(block.start, timeline.timeZone, language)} → ${momentIn(block.end, timeline.timeZone, language)}`}
            data-testid="tl-block"
            data-user-id={block.userId ?? ''}
          >
            <span className="tl-name">{block.name ?? t('schedules.nobody')}</span>
            <span className="visually-hidden">
              {block.override === true ? ` (${t('schedules.override')})` : ''},{' '}
              {momentIn(block.start, timeline.timeZone, language)} → {momentIn(block.end, timeline.timeZone, language)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Two weeks of a schedule as the server resolves it: a row per layer (its own rotation and
 * restrictions), the overrides, then who is really on call. Time runs across; a day is as wide as
 * it is long, so a daylight-saving day is a 23- or 25-hour column, and it says so. On a phone the
 * days scroll sideways inside the chart (a focusable region, so the keyboard scrolls it too).
 */
export function TimelineView({ timeline, label }: { timeline: ScheduleTimeline; label: string }) {
  const { t, language } = useI18n();
  const nowMs = Date.parse(timeline.now);
  const inWindow = nowMs >= Date.parse(timeline.from) && nowMs < Date.parse(timeline.to);
  const layerRows = timeline.layers.map((layer) => ({
    key: layer.layerId,
    label: layer.name,
    blocks: layer.shifts.map((shift, index) => ({ ...shift, key: `${index}` })),
  }));
  const overrides = timeline.overrides.map((o) => ({ ...o, key: o.overrideId, override: true }));
  const final = timeline.final.map((piece, index) => ({
    ...piece,
    key: `${index}`,
    override: piece.overrideId !== null,
  }));
  return (
    <div className="tl-scroll" role="region" aria-label={label} tabIndex={0} data-testid="timeline">
      <div className="tl-chart" style={{ minWidth: `calc(var(--tl-label) + ${timeline.days.length} * var(--tl-day))` }}>
        <div className="tl-row tl-days">
          <div className="tl-label">{t('schedules.zoneShort', { zone: timeline.timeZone })}</div>
          <ol className="tl-track">
            {timeline.days.map((day) => {
              const today = nowMs >= Date.parse(day.start) && nowMs < Date.parse(day.end);
              return (
                <li
                  key={day.date}
                  className={`tl-day${today ? ' tl-today' : ''}`}
                  style={placeOf(day.start, day.end, timeline)}
                  aria-current={today ? 'date' : undefined}
                  data-testid="tl-day"
                  data-date={day.date}
                >
                  {dayLabel(day.date, language)}
                  {today && <span className="tl-today-mark"> {t('schedules.today')}</span>}
                  {day.hours !== 24 && (
                    <span className="tl-dst" data-testid="tl-dst">
                      {' '}
                      {t('schedules.dayHours', { hours: day.hours })}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
        {layerRows.map((row) => (
          <Row key={row.key} label={row.label} blocks={row.blocks} timeline={timeline} testId="tl-layer" />
        ))}
        {overrides.length > 0 && (
          <Row label={t('schedules.overrides')} blocks={overrides} timeline={timeline} testId="tl-overrides" />
        )}
        <Row label={t('schedules.onCall')} blocks={final} timeline={timeline} testId="tl-final" />
        {inWindow && (
          <div className="tl-now" aria-hidden="true">
            <div style={{ left: placeOf(timeline.from, timeline.now, timeline).width }} />
          </div>
        )}
      </div>
    </div>
  );
}
